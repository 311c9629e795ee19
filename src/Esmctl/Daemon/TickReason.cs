namespace Esmctl.Daemon;

/// <summary>Why a tick ran; logged, and shown in /status.</summary>
public enum TickReason
{
    Startup,
    Interval,
    ManifestChanged,
    /// <summary>A mapping's transient-failure backoff ran out before the next interval tick.</summary>
    MappingRetry,
    /// <summary>The previous tick failed and its backoff ran out.</summary>
    Backoff,
}
