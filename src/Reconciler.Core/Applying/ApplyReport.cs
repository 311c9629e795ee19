using Reconciler.Core.Safety;

namespace Reconciler.Core.Applying;

/// <summary>
/// The result of an apply: one outcome per planned action, in plan order; the API calls made per operation
/// (every operation present, zero when unused); when the apply was refused before any call, why; and whether it was
/// interrupted from outside.
/// </summary>
public sealed record ApplyReport(
    IReadOnlyList<ApplyOutcome> Outcomes,
    IReadOnlyDictionary<ApiOperation, int> CallsByOperation,
    DeleteLimitExceeded? Refusal = null)
{
    public ApplyInterruption Interruption { get; init; } = ApplyInterruption.None;

    /// <summary>True when anything the plan asked for did not happen: a refusal, a failure, a conflict, or a skip.</summary>
    public bool HasFailures => Refusal is not null || Outcomes.Any(o => o.Result != ApplyResult.Succeeded);

    /// <summary>True when an action was not done because what exists is not this owner's to change.</summary>
    public bool HasConflicts => Outcomes.Any(o => o.Result == ApplyResult.Conflict);

    /// <summary>Replacements stopped between delete and create: their old mappings are gone and not recreated.</summary>
    public IReadOnlyList<ApplyOutcome> LeftDeleted => [.. Outcomes.Where(o => o.LeftDeleted is not null)];

    /// <summary>Mappings still Creating/Updating/Enabling/Disabling when the apply stopped waiting.</summary>
    public IReadOnlyList<ApplyOutcome> InProgress => [.. Outcomes.Where(o => o.Settle == SettleState.InProgress)];

    public int TotalCalls => CallsByOperation.Values.Sum();
}
