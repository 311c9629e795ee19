namespace Esmctl.Daemon;

/// <summary>
/// The daemon's current state, written by the loop and read by the HTTP endpoints. Each change swaps in a new
/// immutable snapshot, so readers never see half an update.
/// </summary>
public sealed class DaemonStatus(TimeProvider time)
{
    private readonly object _gate = new();
    private DaemonStatusSnapshot _current = DaemonStatusSnapshot.Initial(time.GetUtcNow(), DateTimeOffset.MaxValue);

    /// <summary>Raised after every change, on the writer's thread.</summary>
    public event Action<DaemonStatusSnapshot>? Changed;

    public DaemonStatusSnapshot Current
    {
        get
        {
            lock (_gate) return _current;
        }
    }

    public void Starting(DateTimeOffset now, DateTimeOffset expectedBy) =>
        Update(s => s with { Phase = LoopPhase.Starting, PhaseSince = now, ExpectedBy = expectedBy });

    public void TickStarted(DateTimeOffset now, DateTimeOffset expectedBy) =>
        Update(s => s with { Phase = LoopPhase.Ticking, PhaseSince = now, ExpectedBy = expectedBy, NextTickAt = null });

    public void TickFinished(TickSummary summary, TickOutcome outcome, DateTimeOffset now, int consecutiveFailures) =>
        Update(s => s with
        {
            TickCount = summary.Number,
            LastTick = summary,
            LastSuccessAt = summary.Result == TickResult.Succeeded ? now : s.LastSuccessAt,
            ConsecutiveFailures = consecutiveFailures,
            // Keep the last plan when a tick did not get as far as planning: it is still the best account of AWS.
            LastPlanJson = outcome.PlanJson ?? s.LastPlanJson,
            LastDiagnostics = outcome.Diagnostics,
            Scope = outcome.Scope ?? s.Scope,
            // Drift is what the last tick that read live state found; a tick that did not get that far keeps it.
            Drift = outcome.ManagedMappings is null ? s.Drift : outcome.Drift,
        });

    public void Waiting(DateTimeOffset now, DateTimeOffset nextTickAt) =>
        Update(s => s with { Phase = LoopPhase.Waiting, PhaseSince = now, ExpectedBy = nextTickAt, NextTickAt = nextTickAt });

    public void Stopping(DateTimeOffset now, DateTimeOffset expectedBy) =>
        Update(s => s with { Phase = LoopPhase.Stopping, PhaseSince = now, ExpectedBy = expectedBy, NextTickAt = null });

    public void Stopped(DateTimeOffset now) =>
        Update(s => s with { Phase = LoopPhase.Stopped, PhaseSince = now, NextTickAt = null });

    private void Update(Func<DaemonStatusSnapshot, DaemonStatusSnapshot> change)
    {
        DaemonStatusSnapshot next;
        lock (_gate)
        {
            next = change(_current);
            _current = next;
        }
        Changed?.Invoke(next);
    }
}
