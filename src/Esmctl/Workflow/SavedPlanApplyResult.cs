using Reconciler.Core.Reconciling;
using Esmctl.Targets;
using Reconciler.Core.Manifests;
using Reconciler.Core.Planning;
using Reconciler.Core.SavedPlans;

namespace Esmctl.Workflow;

/// <summary>The outcome of checking a saved plan before applying it. Refusals are reasons for a person (the plan
/// is stale, or the target is not the one planned against); Plan is set only when there are none.</summary>
public sealed record SavedPlanApplyResult(
    IReadOnlyList<string> Refusals,
    ManifestSet? Manifests,
    Plan? Plan,
    PlanOptions Options,
    SavedPlanDocument Saved,
    ReconcileTarget Target)
{
    public bool Refused => Refusals.Count > 0 || Plan is null;
}
