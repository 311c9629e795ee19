using Reconciler.Core.Planning;

namespace Reconciler.Core.SavedPlans;

/// <summary>The outcome of checking a saved plan against now: each thing that moved, in words (the plan is stale
/// when there is any), and otherwise the plan to execute, rebuilt from the saved requests and the mappings as just
/// read.</summary>
public sealed record SavedPlanCheck(IReadOnlyList<string> Moved, Plan? Plan)
{
    public bool IsStale => Moved.Count > 0;
}
