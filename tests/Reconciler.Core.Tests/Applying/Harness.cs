using Reconciler.Core.Applying;
using Reconciler.Core.Manifests;
using Reconciler.Core.Model;
using Reconciler.Core.Planning;
using Reconciler.Testing;

namespace Reconciler.Core.Tests.Applying;

/// <summary>The fake API, a clock that never sleeps, recorded progress, and an applier over them.</summary>
internal sealed class Harness
{
    public FakeLambdaApi Api { get; } = new();
    public ManualTimeProvider Time { get; } = new() { AutoAdvance = true };
    public RecordingProgress Progress { get; } = new();
    public List<(DesiredMapping Desired, LiveMapping Live, IReadOnlyDictionary<string, string> Tags)> Replans { get; } = [];

    /// <summary>Jitter 0: every wait is exactly half its backoff cap, so elapsed time is predictable.</summary>
    public ApplyOptions Options { get; set; } = new() { Jitter = () => 0.0 };

    /// <summary>What the planner's PlanAgainst would answer; by default, nothing to do.</summary>
    public Func<DesiredMapping, LiveMapping, IReadOnlyDictionary<string, string>, PlannedAction> Replan { get; set; } =
        (desired, live, _) => new PlannedAction { Name = desired.Name, Kind = PlanActionKind.Noop, Uuid = live.Uuid, Live = live, Desired = desired };

    public PlanApplier Applier() => new(Api, Time, Options, (d, l, t) =>
    {
        lock (Replans) Replans.Add((d, l, t));
        return Replan(d, l, t);
    }, Progress);

    public Task<ApplyReport> ApplyAsync(Plan plan, CancellationToken ct = default) => Applier().ApplyAsync(plan, ct);

    public TimeSpan Elapsed(DateTimeOffset since) => Time.GetUtcNow() - since;
}

internal sealed class RecordingProgress : IProgress<ApplyEvent>
{
    private readonly List<ApplyEvent> _events = [];

    public IReadOnlyList<ApplyEvent> Events { get { lock (_events) return _events.ToList(); } }

    public void Report(ApplyEvent value)
    {
        lock (_events) _events.Add(value);
    }
}
