namespace Esmctl.Daemon;

/// <summary>The last tick in brief, for /status and logs.</summary>
public sealed record TickSummary(
    long Number,
    TickReason Reason,
    DateTimeOffset StartedAt,
    TimeSpan Duration,
    TickResult Result,
    int DiagnosticsCount,
    int MappingFailures,
    string? Error);
