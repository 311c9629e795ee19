using Reconciler.Core.Reconciling;
using Esmctl.Targets;

namespace Esmctl.Workflow;

/// <summary>One target's share of a multi-target run: the plan, or why there is none (credentials refused, endpoint
/// unreachable, the account guard). A failed target never stops the others.</summary>
public sealed record TargetRun(TargetEntry Entry, ReconcileTarget? Target, PlanResult? Result, string? Error)
{
    public bool Failed => Error is not null || Result is null || Result.Rejected;

    public bool HasChanges => Result?.Plan?.HasChanges == true;
}
