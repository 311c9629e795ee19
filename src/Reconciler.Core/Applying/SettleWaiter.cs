using Reconciler.Core.Api;
using Reconciler.Core.Model;
using Reconciler.Core.Retrying;

namespace Reconciler.Core.Applying;

/// <summary>
/// After an apply's calls: polls each mapping it created or changed until it leaves Creating, Updating, Enabling or
/// Disabling, within one shared wait. A mapping still transitional when the wait ends is reported in progress (AWS
/// finishes it on its own; not a failure); one that settled into what its action did not ask for (Disabled after an
/// enabling create, gone, being deleted) fails. Stopping (an interrupt) ends the waiting; what was not seen settled is
/// then reported as not waited for.
/// </summary>
internal sealed class SettleWaiter(ApplyContext context, TimeSpan wait, CancellationToken stopping)
{
    public async Task<List<ApplyOutcome>> WaitAsync(IReadOnlyList<ApplyOutcome> outcomes, IReadOnlyList<SettleWatch?> watches)
    {
        var started = context.Time.GetTimestamp();
        using var slots = new SemaphoreSlim(context.Options.MaxConcurrency);
        var settled = await Task.WhenAll(outcomes.Select((outcome, i) =>
            watches[i] is { } watch ? WatchAsync(outcome, watch, started, slots) : Task.FromResult(outcome)));
        return [.. settled];
    }

    private async Task<ApplyOutcome> WatchAsync(ApplyOutcome outcome, SettleWatch watch, long started, SemaphoreSlim slots)
    {
        var calls = 0;
        var polls = 0;
        string? state = null;
        for (var attempt = 0; ; attempt++)
        {
            if (stopping.IsCancellationRequested) return Counted(outcome with { State = state });
            LiveMapping live;
            try
            {
                await slots.WaitAsync(stopping);
                try
                {
                    calls++;
                    context.Counter.Add(ApiOperation.Get);
                    live = await context.Api.GetAsync(watch.Uuid, context.Interrupt.Abort);
                }
                finally
                {
                    slots.Release();
                }
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return Counted(outcome with { State = state });
            }
            catch (LambdaApiException e) when (e.Is(LambdaErrorCodes.ResourceNotFound))
            {
                return Counted(Failed(outcome, $"mapping {watch.Uuid} disappeared while the apply waited for it to settle"));
            }
            catch (Exception) when (!stopping.IsCancellationRequested)
            {
                // Unable to look (the client already retried): the action itself succeeded, so it stays a success
                // that was not seen settled.
                return Counted(outcome with { State = state });
            }

            state = live.State;
            if (state == MappingStates.Deleting)
            {
                return Counted(Failed(outcome, $"mapping {watch.Uuid} is being deleted (not by this apply)", state));
            }
            if (!MappingStates.IsTransitional(state))
            {
                return Counted(Check(outcome, watch, live));
            }

            var elapsed = context.Time.GetElapsedTime(started);
            var remaining = wait - elapsed;
            if (remaining <= TimeSpan.Zero)
            {
                return Counted(outcome with { Settle = SettleState.InProgress, State = state });
            }
            context.Progress?.Report(new ApplyEvent(outcome.Name, outcome.Kind, ApplyStep.Settling, watch.Uuid, state, elapsed));
            var delay = Backoff.EqualJitter(attempt, context.Options.PollBackoffBase, context.Options.PollBackoffMax, context.Options.Jitter());
            try
            {
                await Task.Delay(delay < remaining ? delay : remaining, context.Time, stopping);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return Counted(outcome with { State = state });
            }
            polls++;
        }

        ApplyOutcome Counted(ApplyOutcome result) => result with { Calls = result.Calls + calls, Waits = result.Waits + polls };
    }

    /// <summary>Settled: as asked (enabled when the action enabled it or left it enabled), or a failure saying why not.</summary>
    private static ApplyOutcome Check(ApplyOutcome outcome, SettleWatch watch, LiveMapping live)
    {
        var enabled = MappingStates.IsEnabled(live.State);
        if (watch.ExpectEnabled is { } expected && enabled is { } actual && expected != actual)
        {
            var reason = string.IsNullOrEmpty(live.StateTransitionReason) ? "" : $" ({live.StateTransitionReason})";
            return Failed(outcome,
                $"mapping {watch.Uuid} settled as {live.State}{reason}, not {(expected ? "enabled" : "disabled")} as the manifest asks",
                live.State);
        }
        return outcome with { Settle = SettleState.Settled, State = live.State };
    }

    private static ApplyOutcome Failed(ApplyOutcome outcome, string message, string? state = null) =>
        outcome with
        {
            Result = ApplyResult.Failed,
            Error = new ApplyError(ApplyErrorCodes.SettledBadly, message),
            Settle = SettleState.Settled,
            State = state,
        };
}
