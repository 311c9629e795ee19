using Prometheus;
using Reconciler.Core.Planning;

namespace Esmctl.Daemon;

/// <summary>
/// The daemon's Prometheus metrics, kept by prometheus-net in a registry of this instance's own (nothing
/// process-wide, so tests and hosts do not share counters), accumulated from tick outcomes. Thread-safe: the loops
/// record, /metrics renders. A daemon of the targets of an esmctl.yaml labels every series with `target` (the target's
/// name), so each target's ticks, drift and calls are told apart; the command line's one target keeps the series as
/// they always were, unlabelled.
/// </summary>
public sealed class DaemonMetrics
{
    /// <summary>The text exposition format /metrics answers in.</summary>
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    /// <summary>Upper bounds (seconds) of the tick duration histogram: a steady-state tick is a few List pages.</summary>
    public static readonly IReadOnlyList<double> DurationBuckets = [0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300];

    private readonly CollectorRegistry _registry = Metrics.NewCustomRegistry();
    private readonly Counter _ticks;
    private readonly Histogram _duration;
    private readonly Gauge _managed;
    private readonly Gauge _drifted;
    private readonly Counter _actions;
    private readonly Counter _apiRequests;
    private readonly Gauge _lastSuccess;
    private readonly bool _labelled;

    public DaemonMetrics() : this([])
    {
    }

    /// <param name="targets">The names of esmctl.yaml's targets; empty for the command line's one target (no label).</param>
    public DaemonMetrics(IReadOnlyList<string> targets)
    {
        _labelled = targets.Count > 0;
        string[] Names(params string[] names) => _labelled ? ["target", .. names] : names;
        var factory = Metrics.WithCustomRegistry(_registry);
        _ticks = factory.CreateCounter("esmctl_ticks_total", "Reconcile ticks by result.", Names("result"));
        _duration = factory.CreateHistogram("esmctl_tick_duration_seconds", "How long reconcile ticks took.",
            new HistogramConfiguration { Buckets = [.. DurationBuckets], LabelNames = Names() });
        // Gauges nobody has measured yet are left out rather than reported as a misleading 0.
        _managed = factory.CreateGauge("esmctl_managed_mappings", "Event source mappings this owner manages, as of the last tick that read them.",
            new GaugeConfiguration { SuppressInitialValue = true, LabelNames = Names() });
        _drifted = factory.CreateGauge("esmctl_drifted_mappings", "Managed mappings whose live state differed from the manifests at the last tick.",
            new GaugeConfiguration { SuppressInitialValue = true, LabelNames = Names() });
        _actions = factory.CreateCounter("esmctl_actions_total", "Planned actions by kind and result.", Names("kind", "result"));
        _apiRequests = factory.CreateCounter("esmctl_api_requests_total", "Lambda API requests by operation and error code (OK for success).", Names("operation", "code"));
        // 0 before the first success, so `time() - esmctl_last_success_timestamp_seconds` alerts at once.
        _lastSuccess = factory.CreateGauge("esmctl_last_success_timestamp_seconds", "Unix time of the last successful tick (0 if none yet).", Names());
        // Every result from the start, at 0, so rate() and alerts work before the first failure.
        foreach (var target in _labelled ? targets.Select(t => (string?)t) : [null])
        {
            foreach (var result in Enum.GetValues<TickResult>()) _ticks.WithLabels(Labels(target, Label(result)));
            if (_labelled) _lastSuccess.WithLabels(target!);
        }
    }

    /// <param name="target">The target's name in esmctl.yaml; null for the command line's one target.</param>
    public void Record(TickOutcome outcome, TimeSpan duration, DateTimeOffset finishedAt, string? target = null)
    {
        _ticks.WithLabels(Labels(target, Label(outcome.Result))).Inc();
        if (_labelled) _duration.WithLabels(target ?? "").Observe(duration.TotalSeconds);
        else _duration.Observe(duration.TotalSeconds);
        foreach (var action in outcome.Actions) _actions.WithLabels(Labels(target, Label(action.Kind), Label(action.Result))).Inc(action.Count);
        foreach (var request in outcome.ApiRequests) _apiRequests.WithLabels(Labels(target, request.Operation, request.Code)).Inc(request.Count);
        if (outcome.ManagedMappings is { } managed) Set(_managed, target, managed);
        if (outcome.DriftedMappings is { } drifted) Set(_drifted, target, drifted);
        if (outcome.Result == TickResult.Succeeded) Set(_lastSuccess, target, finishedAt.ToUnixTimeMilliseconds() / 1000.0);
    }

    private void Set(Gauge gauge, string? target, double value)
    {
        if (_labelled) gauge.WithLabels(target ?? "").Set(value);
        else gauge.Set(value);
    }

    private string[] Labels(string? target, params string[] values) => _labelled ? [target ?? "", .. values] : values;

    public async Task<string> RenderAsync(CancellationToken cancellationToken = default)
    {
        using var buffer = new MemoryStream();
        await _registry.CollectAndExportAsTextAsync(buffer, cancellationToken);
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>The exposition as text (the registry writes to memory; nothing here waits on I/O).</summary>
    public string Render() => RenderAsync().GetAwaiter().GetResult();

    public static string Label(TickResult result) => result switch
    {
        TickResult.Succeeded => "succeeded",
        TickResult.InvalidInput => "invalid_input",
        _ => "failed",
    };

    public static string Label(ActionResult result) => result.ToString().ToLowerInvariant();

    public static string Label(PlanActionKind kind) => kind.ToString().ToLowerInvariant();
}
