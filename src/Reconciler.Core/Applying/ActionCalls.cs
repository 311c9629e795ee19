using Reconciler.Core.Api;
using Reconciler.Core.Model;
using Reconciler.Core.Planning;
using Reconciler.Core.Retrying;

namespace Reconciler.Core.Applying;

/// <summary>
/// The calls and waits of one action: every API call goes through here (counted, never started once the apply is
/// aborted), as does every pause (on the injected clock, never past the settle timeout) and every progress event.
/// One instance per action, used by one task, so its counters need no locking.
/// </summary>
internal sealed class ActionCalls(
    PlannedAction action,
    ILambdaMappingApi api,
    TimeProvider time,
    ApplyOptions options,
    ApiCallCounter counter,
    IProgress<ApplyEvent>? progress,
    CancellationToken abort)
{
    public int Calls { get; private set; }

    /// <summary>Calls sent again because the mapping was busy (<see cref="ApplyOutcome.Retries"/>).</summary>
    public int Retries { get; private set; }

    /// <summary>Creates sent again after an earlier attempt's outcome was lost (<see cref="ApplyOutcome.CreateResends"/>).</summary>
    public int CreateResends { get; private set; }

    public int Waits { get; private set; }

    /// <summary>The mapping the action is on now (progress events and the outcome name it).</summary>
    public string? Uuid { get; set; }

    /// <summary>A call is sent again because what it met was busy (a mapping being deleted, for a create).</summary>
    public void RepeatedAfterBusy() => Retries++;

    /// <summary>A create is sent again: the earlier one's outcome was lost and its mapping was not found.</summary>
    public void ResentLostCreate() => CreateResends++;

    /// <summary>Counts and sends one call. None starts after an abort; the call itself is abandoned on abort too (its
    /// effect is then unknown, which the outcome says), so that a second Ctrl-C stops at once.</summary>
    public async Task<T> CallAsync<T>(ApiOperation operation, Func<CancellationToken, Task<T>> call)
    {
        abort.ThrowIfCancellationRequested();
        Calls++;
        counter.Add(operation);
        return await call(abort);
    }

    /// <summary>
    /// Runs a call on an existing mapping; when the service answers that the mapping is busy (ResourceInUseException,
    /// or ResourceConflictException: "another operation is in progress"), waits until Get shows it out of its
    /// transitional state and calls again, within the settle timeout. Other errors are not retried here: the API
    /// client is the one retry layer for throttling and transport errors.
    /// </summary>
    /// <param name="beforeRepeat">Runs before each repeat of the call (the wait can be minutes: ownership is proven
    /// again); a refusal it throws ends the call.</param>
    public async Task<T> CallSettlingAsync<T>(
        ApiOperation operation, string uuid, Func<CancellationToken, Task<T>> call, Func<Task>? beforeRepeat = null)
    {
        long? busySince = null;
        var attempt = 0;
        while (true)
        {
            try
            {
                if (busySince is not null && beforeRepeat is not null) await beforeRepeat();
                return await CallAsync(operation, call);
            }
            catch (LambdaApiException e) when (e.Is(LambdaErrorCodes.ResourceInUse) || e.Is(LambdaErrorCodes.ResourceConflict))
            {
                busySince ??= time.GetTimestamp();
                string? state = null;
                do
                {
                    await PauseAsync(ApplyStep.WaitingToSettle, attempt++, busySince.Value, state,
                        $"mapping {uuid} was still busy {{0}} after {e.ErrorCode} ({e.ServiceMessage})");
                    state = (await CallAsync(ApiOperation.Get, t => api.GetAsync(uuid, t))).State;
                }
                while (MappingStates.IsTransitional(state));
                Retries++;
            }
        }
    }

    /// <summary>After a delete, AWS keeps reporting the mapping (Deleting) for a while, and a create of the same
    /// function and source would conflict with it: poll until Get answers ResourceNotFoundException.</summary>
    public async Task WaitUntilGoneAsync(string uuid, string timeoutMessage)
    {
        var since = time.GetTimestamp();
        for (var attempt = 0; ; attempt++)
        {
            LiveMapping live;
            try
            {
                live = await CallAsync(ApiOperation.Get, t => api.GetAsync(uuid, t));
            }
            catch (LambdaApiException e) when (e.Is(LambdaErrorCodes.ResourceNotFound))
            {
                return;
            }
            await PauseAsync(ApplyStep.WaitingForDeletion, attempt, since, live.State, timeoutMessage);
        }
    }

    /// <summary>Waits one backoff interval, never past the settle timeout; throws SettleTimeout once it is spent.
    /// <paramref name="timeoutMessage"/> has {0} for the elapsed time.</summary>
    public async Task PauseAsync(ApplyStep step, int attempt, long since, string? state, string timeoutMessage)
    {
        var elapsed = time.GetElapsedTime(since);
        var remaining = options.SettleTimeout - elapsed;
        if (remaining <= TimeSpan.Zero)
        {
            throw new ApplyFailure(ApplyErrorCodes.SettleTimeout, string.Format(
                System.Globalization.CultureInfo.InvariantCulture, timeoutMessage, Seconds(elapsed)));
        }
        var delay = Backoff.EqualJitter(attempt, options.PollBackoffBase, options.PollBackoffMax, options.Jitter());
        abort.ThrowIfCancellationRequested();
        Report(step, state, elapsed);
        await Task.Delay(delay < remaining ? delay : remaining, time, abort);
        Waits++;
    }

    /// <summary>Waits <paramref name="delay"/> on the clock (a lost create's backoff), counted as a wait.</summary>
    public async Task DelayAsync(ApplyStep step, TimeSpan delay, string detail)
    {
        abort.ThrowIfCancellationRequested();
        Report(step, detail: detail);
        await Task.Delay(delay, time, abort);
        Waits++;
    }

    public void Report(ApplyStep step, string? state = null, TimeSpan elapsed = default, string? detail = null) =>
        progress?.Report(new ApplyEvent(action.Name, action.Kind, step, Uuid, state, elapsed, detail));

    public static string Seconds(TimeSpan elapsed) =>
        elapsed.TotalSeconds.ToString("0", System.Globalization.CultureInfo.InvariantCulture) + "s";
}
