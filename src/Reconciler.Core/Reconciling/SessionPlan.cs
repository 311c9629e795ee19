using Reconciler.Core.Diagnostics;
using Reconciler.Core.Live;
using Reconciler.Core.Manifests;
using Reconciler.Core.Planning;

namespace Reconciler.Core.Reconciling;

/// <summary>
/// The outcome of a session's load → guard → read → plan. Live and Plan are null when the input was rejected: then
/// Diagnostics holds at least one error and nothing reached the target. HeldDeletes are deletes the plan left out and
/// HoldReason why (the daemon, pruning from damaged input).
/// </summary>
public sealed record SessionPlan(ManifestSet Manifests, IReadOnlyList<Diagnostic> Diagnostics, LiveState? Live, Plan? Plan)
{
    public bool Rejected => Plan is null || Live is null;

    public IReadOnlyList<PlannedAction> HeldDeletes { get; init; } = [];

    public string? HoldReason { get; init; }
}
