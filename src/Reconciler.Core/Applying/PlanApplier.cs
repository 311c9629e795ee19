using Reconciler.Core.Api;
using Reconciler.Core.Live;
using Reconciler.Core.Planning;
using Reconciler.Core.Safety;

namespace Reconciler.Core.Applying;

/// <summary>
/// Executes a plan against the Lambda API; the one applier behind plan/apply, saved plans, many targets and the
/// daemon. It acts only on each action's Kind, Uuid and requests (CreateRequest, UpdateRequest, TagChange), never on
/// the human explanations (Changes, Warnings), and every write on an existing mapping is first allowed by
/// <see cref="WriteGate"/> from tags read in this run. Independent mappings proceed concurrently, up to
/// <see cref="ApplyOptions.MaxConcurrency"/>, and one failing does not stop the others. After the calls it waits (if
/// <see cref="ApplyOptions.SettleWait"/> is set) until the mappings it created or changed leave their transitional states.
/// </summary>
public sealed class PlanApplier
{
    private readonly ILambdaMappingApi _api;
    private readonly TimeProvider _time;
    private readonly ApplyOptions _options;
    private readonly WritePolicy _policy;
    private readonly IProgress<ApplyEvent>? _progress;

    /// <param name="policy">Whose mappings this apply may change, whether it may prune, and how many mappings it may
    /// delete (the delete half of a replacement included); from the user's invocation, never from a plan file.</param>
    public PlanApplier(
        ILambdaMappingApi api,
        TimeProvider time,
        ApplyOptions options,
        WritePolicy policy,
        IProgress<ApplyEvent>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(policy);
        options.Validate();
        _api = api;
        _time = time;
        _options = options;
        _policy = policy;
        _progress = progress is null ? null : new WatchedProgress(progress);
    }

    /// <summary>
    /// Applies the plan and reports one outcome per action, in plan order. Refuses before any call when the plan
    /// deletes (or replaces) more mappings than <see cref="WritePolicy.MaxDeletes"/>.
    /// </summary>
    /// <param name="plan">The actions to carry out.</param>
    /// <param name="live">The live state read in this run (what the plan was computed from): its listed mappings, and
    /// the tags it read itself (<see cref="LiveState.TagsReadNow"/>), are the evidence of ownership; anything else is
    /// read again before a write. <see cref="LiveState.Empty"/> makes every write read its mapping's tags first.</param>
    /// <param name="interrupt">Stop starting (finish what is in flight) and abort (stop at once).</param>
    public async Task<ApplyReport> ApplyAsync(Plan plan, LiveState live, ApplyInterrupt interrupt)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(live);
        var counter = new ApiCallCounter();

        if (_policy.CheckDeletes(plan.Actions) is { } refusal)
        {
            var error = new ApplyError(ApplyErrorCodes.DeleteLimitExceeded, refusal.Message);
            return new ApplyReport([.. plan.Actions.Select(a => Skip(a, error))], counter.Snapshot(), refusal);
        }

        var evidence = new RunEvidence(live, _time, _options.TagEvidenceMaxAge);
        var context = new ApplyContext(_api, _time, _options, _policy, evidence, counter, _progress, interrupt);
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(interrupt.StopStarting, interrupt.Abort);
        using var slots = new SemaphoreSlim(_options.MaxConcurrency);
        var results = await Task.WhenAll(plan.Actions.Select(a => RunAsync(a, context, slots, stopping.Token)));

        var outcomes = results.Select(r => r.Outcome).ToList();
        if (_options.SettleWait is { } wait && wait > TimeSpan.Zero && !interrupt.IsStopping)
        {
            var watches = results.Select(r => r.Watch).ToList();
            outcomes = await new SettleWaiter(context, wait, stopping.Token).WaitAsync(outcomes, watches);
        }
        return new ApplyReport(outcomes, counter.Snapshot())
        {
            Interruption = interrupt.Abort.IsCancellationRequested ? ApplyInterruption.Aborted
                : interrupt.StopStarting.IsCancellationRequested ? ApplyInterruption.Stopped
                : ApplyInterruption.None,
        };
    }

    private async Task<ActionResult> RunAsync(PlannedAction action, ApplyContext context, SemaphoreSlim slots, CancellationToken stopping)
    {
        if (action.Kind == PlanActionKind.Noop)
        {
            return new ActionResult(new ApplyOutcome(action.Name, action.Kind, ApplyResult.Succeeded, action.Uuid, null, 0, 0, 0), null);
        }
        try
        {
            await slots.WaitAsync(stopping);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            return new ActionResult(Skip(action, Interrupted), null);
        }
        try
        {
            if (stopping.IsCancellationRequested) return new ActionResult(Skip(action, Interrupted), null);
            return await new ActionRun(action, context).ExecuteAsync();
        }
        finally
        {
            slots.Release();
        }
    }

    private static readonly ApplyError Interrupted =
        new(ApplyErrorCodes.Cancelled, "the apply was interrupted before this action started; nothing was done to this mapping");

    private ApplyOutcome Skip(PlannedAction action, ApplyError error)
    {
        var uuid = action.Uuid ?? action.Live?.Uuid;
        _progress?.Report(new ApplyEvent(action.Name, action.Kind, ApplyStep.Skipped, uuid, Detail: error.ToString()));
        return new ApplyOutcome(action.Name, action.Kind, ApplyResult.Skipped, uuid, error, 0, 0, 0);
    }
}
