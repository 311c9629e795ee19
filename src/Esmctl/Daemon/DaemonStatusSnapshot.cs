using Reconciler.Core.Diagnostics;
using Reconciler.Core.Reconciling;

namespace Esmctl.Daemon;

/// <summary>An immutable view of the daemon at one moment.</summary>
/// <param name="ExpectedBy">The loop's heartbeat promise: when it will next report (the next tick's due time while
/// waiting; start + TickTimeout while ticking). Liveness is judged against it.</param>
public sealed record DaemonStatusSnapshot(
    LoopPhase Phase,
    DateTimeOffset PhaseSince,
    DateTimeOffset ExpectedBy,
    DateTimeOffset? NextTickAt,
    long TickCount,
    TickSummary? LastTick,
    DateTimeOffset? LastSuccessAt,
    int ConsecutiveFailures,
    string? LastPlanJson,
    IReadOnlyList<Diagnostic> LastDiagnostics)
{
    /// <summary>Where and as whom the loop acts, once its target was opened.</summary>
    public SessionScope? Scope { get; init; }

    /// <summary>The mappings that differed from their manifests at the last tick that read live state.</summary>
    public IReadOnlyList<DriftedMapping> Drift { get; init; } = [];

    /// <summary>How far past its promise the loop may be before it counts as hung (a loaded machine is slow, not dead).</summary>
    public static readonly TimeSpan LivenessSlack = TimeSpan.FromSeconds(30);

    /// <summary>How many intervals may pass without a successful tick before the daemon reports not ready.</summary>
    public const int ReadinessIntervals = 3;

    public bool IsAlive(DateTimeOffset now) =>
        Phase is not LoopPhase.Stopped && now <= ExpectedBy + LivenessSlack;

    public bool IsReady(DateTimeOffset now, TimeSpan interval) =>
        LastSuccessAt is { } success && now - success <= interval * ReadinessIntervals;

    public static DaemonStatusSnapshot Initial(DateTimeOffset now, DateTimeOffset expectedBy) =>
        new(LoopPhase.Starting, now, expectedBy, null, 0, null, null, 0, null, []);
}
