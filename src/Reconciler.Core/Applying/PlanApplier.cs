using Reconciler.Core.Api;
using Reconciler.Core.Manifests;
using Reconciler.Core.Model;
using Reconciler.Core.Planning;

namespace Reconciler.Core.Applying;

/// <summary>
/// Executes a plan against the Lambda API. It acts only on each action's Kind, Uuid and requests (CreateRequest,
/// UpdateRequest, TagChange), never on the human explanations (Changes, Warnings). Independent mappings proceed
/// concurrently, up to <see cref="ApplyOptions.MaxConcurrency"/>, and one failing does not stop the others.
/// </summary>
public sealed class PlanApplier
{
    private readonly ILambdaMappingApi _api;
    private readonly TimeProvider _time;
    private readonly ApplyOptions _options;
    private readonly Func<DesiredMapping, LiveMapping, IReadOnlyDictionary<string, string>, PlannedAction> _replan;
    private readonly IProgress<ApplyEvent>? _progress;

    /// <param name="replan">Plans one manifest against one live mapping and its tags (the planner's PlanAgainst);
    /// used when a create finds its mapping already exists, to adopt it instead of failing.</param>
    public PlanApplier(
        ILambdaMappingApi api,
        TimeProvider time,
        ApplyOptions options,
        Func<DesiredMapping, LiveMapping, IReadOnlyDictionary<string, string>, PlannedAction> replan,
        IProgress<ApplyEvent>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(replan);
        options.Validate();
        _api = api;
        _time = time;
        _options = options;
        _replan = replan;
        _progress = progress;
    }

    /// <summary>
    /// Applies the plan and reports one outcome per action, in plan order. Refuses before any call when the plan
    /// deletes more than <see cref="ApplyOptions.MaxDeletes"/>. On cancellation no new call or wait starts; calls
    /// already sent finish, and actions not yet started are reported Skipped.
    /// </summary>
    public async Task<ApplyReport> ApplyAsync(Plan plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var counter = new ApiCallCounter();

        var deletes = plan.Actions.Count(a => a.Kind == PlanActionKind.Delete);
        if (_options.MaxDeletes is int limit && deletes > limit)
        {
            var refusal = new DeleteLimitExceeded(deletes, limit);
            var error = new ApplyError(ApplyErrorCodes.DeleteLimitExceeded, refusal.Message);
            var skipped = plan.Actions.Select(a => Skip(a, error)).ToList();
            return new ApplyReport(skipped, counter.Snapshot(), refusal);
        }

        using var slots = new SemaphoreSlim(_options.MaxConcurrency);
        var outcomes = await Task.WhenAll(plan.Actions.Select(a => RunAsync(a, slots, counter, cancellationToken)));
        return new ApplyReport(outcomes, counter.Snapshot());
    }

    private async Task<ApplyOutcome> RunAsync(
        PlannedAction action, SemaphoreSlim slots, ApiCallCounter counter, CancellationToken ct)
    {
        if (action.Kind == PlanActionKind.Noop)
        {
            return new ApplyOutcome(action.Name, action.Kind, ApplyResult.Succeeded, action.Uuid, null, 0, 0, 0);
        }
        try
        {
            await slots.WaitAsync(ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return Skip(action, Cancelled);
        }
        try
        {
            if (ct.IsCancellationRequested) return Skip(action, Cancelled);
            var run = new ActionRun(action, _api, _time, _options, _replan, counter, _progress);
            return await run.ExecuteAsync(ct);
        }
        finally
        {
            slots.Release();
        }
    }

    private static readonly ApplyError Cancelled =
        new(ApplyErrorCodes.Cancelled, "the apply was cancelled before this action started");

    private ApplyOutcome Skip(PlannedAction action, ApplyError error)
    {
        var uuid = action.Uuid ?? action.Live?.Uuid;
        _progress?.Report(new ApplyEvent(action.Name, action.Kind, ApplyStep.Skipped, uuid, Detail: error.ToString()));
        return new ApplyOutcome(action.Name, action.Kind, ApplyResult.Skipped, uuid, error, 0, 0, 0);
    }
}
