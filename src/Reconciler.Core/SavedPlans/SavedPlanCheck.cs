namespace Reconciler.Core.SavedPlans;

/// <summary>
/// Why a saved plan may not be applied, in words, by kind: the file itself is not a plan esmctl could have written
/// (Invalid), it was made for another target, owner or prune than this invocation's (Mismatched), or the world moved
/// since (Moved: the plan is stale). Applicable only when all three are empty.
/// </summary>
public sealed record SavedPlanCheck(IReadOnlyList<string> Invalid, IReadOnlyList<string> Mismatched, IReadOnlyList<string> Moved)
{
    public bool Applicable => Invalid.Count == 0 && Mismatched.Count == 0 && Moved.Count == 0;
}
