using Reconciler.Core.Planning;

namespace Reconciler.Core.Applying;

/// <summary>
/// What happened to one planned action. Uuid is the resulting mapping (the new one after a create or replace,
/// the deleted one after a delete; after a failure, the mapping last acted on, or null when none exists yet). Calls
/// counts every API call made for the action; Retries the calls sent again because the mapping was busy
/// (ResourceInUseException, "another operation is in progress", a create meeting a mapping still being deleted);
/// <see cref="CreateResends"/>, counted apart, the creates sent again after a lost outcome; Waits the polls spent waiting
/// for a mapping to settle or disappear. The AWS client's own retries (throttling, 5xx, network) are not here: they are
/// the run's <c>RetryCounts</c>. Detail says what a person should know about a success that took an unusual path (a
/// create found after its response was lost).
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

    /// <summary>Creates sent again after an earlier attempt's outcome was lost (a 5xx, a timeout, a dropped connection or
    /// an unreadable answer) and no mapping of it was found: never counted with the client's throttling/5xx retries, nor
    /// with <see cref="Retries"/>.</summary>
    public int CreateResends { get; init; }

    /// <summary>A create that found its mapping already there (after a lost response, or made by a concurrent run of the
    /// same owner and manifest) instead of making it.</summary>
    public bool FoundExisting { get; init; }

    /// <summary>Whether the mapping left its transitional state before the apply ended.</summary>
    public SettleState Settle { get; init; } = SettleState.NotWaited;

    /// <summary>The mapping's state when last read after the action (for a mapping still in progress, or one that
    /// settled into an unexpected state).</summary>
    public string? State { get; init; }
}
