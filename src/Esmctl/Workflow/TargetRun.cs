using Esmctl.Targets;
using Reconciler.Core.Reconciling;

namespace Esmctl.Workflow;

/// <summary>One target's share of a multi-target run: its session and plan, or why there is none (credentials refused,
/// endpoint unreachable, the account guard). A failed target never stops the others.</summary>
public sealed record TargetRun(TargetEntry Entry, ReconcileSession? Session, SessionPlan? Planned, string? Error)
{
    public bool Failed => Error is not null || Planned is null || Planned.Rejected;

    public bool HasChanges => Planned?.Plan?.HasChanges == true;
}
