namespace Reconciler.Core.Applying;

/// <summary>
/// The result of an apply: one outcome per planned action, in plan order; the API calls made per operation
/// (every operation present, zero when unused); and, when the apply was refused before any call, why.
/// </summary>
public sealed record ApplyReport(
    IReadOnlyList<ApplyOutcome> Outcomes,
    IReadOnlyDictionary<ApiOperation, int> CallsByOperation,
    DeleteLimitExceeded? Refusal = null)
{
    /// <summary>True when anything the plan asked for did not happen: a refusal, a failure, or a skip.</summary>
    public bool HasFailures => Refusal is not null || Outcomes.Any(o => o.Result != ApplyResult.Succeeded);

    public int TotalCalls => CallsByOperation.Values.Sum();
}
