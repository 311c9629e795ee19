using Reconciler.Core.Applying;
using Reconciler.Core.Live;
using Reconciler.Core.Planning;
using Reconciler.Core.Safety;
using Reconciler.Testing;

namespace Reconciler.Core.Tests.Applying;

/// <summary>The fake API, a clock that never sleeps, recorded progress, and an applier over them.</summary>
internal sealed class Harness
{
    public FakeLambdaApi Api { get; } = new();
    public ManualTimeProvider Time { get; } = new() { AutoAdvance = true };
    public RecordingProgress Progress { get; } = new();

    /// <summary>Jitter 0: every wait is exactly half its backoff cap, so elapsed time is predictable.</summary>
    public ApplyOptions Options { get; set; } = new() { Jitter = () => 0.0 };

    /// <summary>The default owner, prune on (so Delete actions are allowed), no delete limit.</summary>
    public WritePolicy Policy { get; set; } = new(new PlanOptions { Prune = true }, maxDeletes: null);

    public PlanApplier Applier() => new(Api, Time, Options, Policy, Progress);

    /// <summary>Applies with the fake's current state as the evidence the plan was made from (all tags read now).</summary>
    public Task<ApplyReport> ApplyAsync(Plan plan, CancellationToken ct = default) =>
        Applier().ApplyAsync(plan, Api.Snapshot(), ApplyInterrupt.AbortOn(ct));

    public Task<ApplyReport> ApplyAsync(Plan plan, LiveState evidence, ApplyInterrupt interrupt) =>
        Applier().ApplyAsync(plan, evidence, interrupt);

    public TimeSpan Elapsed(DateTimeOffset since) => Time.GetUtcNow() - since;
}

internal sealed class RecordingProgress : IProgress<ApplyEvent>
{
    private readonly List<ApplyEvent> _events = [];

    public IReadOnlyList<ApplyEvent> Events { get { lock (_events) return _events.ToList(); } }

    /// <summary>Runs on every event, after it is recorded (e.g. to interrupt the apply at a chosen step).</summary>
    public Action<ApplyEvent>? OnEvent { get; set; }

    public void Report(ApplyEvent value)
    {
        lock (_events) _events.Add(value);
        OnEvent?.Invoke(value);
    }
}
