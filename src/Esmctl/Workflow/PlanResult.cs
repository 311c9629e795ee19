using Reconciler.Core.Diagnostics;
using Reconciler.Core.Live;
using Reconciler.Core.Manifests;
using Reconciler.Core.Planning;

namespace Esmctl.Workflow;

/// <summary>The outcome of load → guard → read → plan. Plan and Live are null when the input was rejected: then
/// Diagnostics holds at least one error and nothing reached the target.</summary>
public sealed record PlanResult(
    ManifestSet Manifests,
    IReadOnlyList<Diagnostic> Diagnostics,
    LiveState? Live,
    Plan? Plan,
    PlanOptions Options)
{
    public bool Rejected => Plan is null;
}
