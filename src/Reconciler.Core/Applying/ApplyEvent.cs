using Reconciler.Core.Planning;

namespace Reconciler.Core.Applying;

/// <summary>
/// Live progress of an apply, for a terminal to show. State is the mapping's last seen state during waits;
/// Elapsed is the time spent in the current wait (for waits) or in the whole action (for final steps).
/// </summary>
public sealed record ApplyEvent(
    string Name,
    PlanActionKind Kind,
    ApplyStep Step,
    string? Uuid,
    string? State = null,
    TimeSpan Elapsed = default,
    string? Detail = null);
