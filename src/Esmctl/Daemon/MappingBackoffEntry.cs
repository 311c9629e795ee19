namespace Esmctl.Daemon;

/// <summary>A mapping that is backing off (transient) or held (terminal); shown in /status.</summary>
/// <param name="RetryAt">When a transient failure may be retried; null for a terminal one (held until the input changes).</param>
public sealed record MappingBackoffEntry(
    string Mapping,
    FailureClass Class,
    int ConsecutiveFailures,
    DateTimeOffset? RetryAt,
    string InputDigest,
    string? ErrorCode,
    string Message);
