namespace Esmctl.Daemon;

/// <summary>What the loop tells a tick.</summary>
/// <param name="Number">1 for the first tick after start.</param>
/// <param name="RefreshTags">True when the tag cache is older than TagRefreshInterval: re-read every mapping's tags.
/// The tick re-reads a mapping's tags after changing it regardless.</param>
/// <param name="Backoff">Per-mapping failure bookkeeping: ask <see cref="MappingBackoff.MayAttempt"/> before acting on a
/// mapping, and skip it (report it as skipped) when it says no. The loop records the outcome's failures into it.</param>
/// <param name="Stopping">Cancelled when the daemon is asked to stop (SIGTERM): start no new action, finish those in
/// flight. The tick's own token is cancelled later, when the shutdown grace is over.</param>
public sealed record TickContext(
    long Number,
    TickReason Reason,
    DateTimeOffset StartedAt,
    DaemonOptions Options,
    bool RefreshTags,
    MappingBackoff Backoff,
    CancellationToken Stopping = default);
