using Reconciler.Core.Planning;

namespace Reconciler.Core.Applying;

/// <summary>
/// What happened to one planned action. Uuid is the resulting mapping (the new one after a create or replace,
/// the deleted one after a delete; after a failure, the mapping last acted on, or null when none exists yet). Calls
/// counts every API call made for the action, Retries the calls repeated after ResourceInUseException or a lost
/// create, Waits the polls spent waiting for a mapping to settle or disappear. Detail says what a person should know
/// about a success that took an unusual path (a create found after its response was lost).
/// </summary>
public sealed record ApplyOutcome(
    string Name,
    PlanActionKind Kind,
    ApplyResult Result,
    string? Uuid,
    ApplyError? Error,
    int Calls,
    int Retries,
    int Waits,
    string? Detail = null)
{
    /// <summary>A replacement stopped between its delete and its create: the UUID of the old mapping, which is
    /// deleted and not recreated (the next apply creates it). Null otherwise.</summary>
    public string? LeftDeleted { get; init; }

    /// <summary>A create that found its mapping already there (after a lost response, or made by a concurrent run of the
    /// same owner and manifest) instead of making it.</summary>
    public bool FoundExisting { get; init; }

    /// <summary>Whether the mapping left its transitional state before the apply ended.</summary>
    public SettleState Settle { get; init; } = SettleState.NotWaited;

    /// <summary>The mapping's state when last read after the action (for a mapping still in progress, or one that
    /// settled into an unexpected state).</summary>
    public string? State { get; init; }
}
