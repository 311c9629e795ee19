using Prometheus;
using Reconciler.Core.Planning;

namespace Esmctl.Daemon;

/// <summary>
/// The daemon's Prometheus metrics, kept by prometheus-net in a registry of this instance's own (nothing
/// process-wide, so tests and hosts do not share counters), accumulated from tick outcomes. Thread-safe: the loop
/// records, /metrics renders.
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

    public DaemonMetrics()
    {
        var factory = Metrics.WithCustomRegistry(_registry);
        _ticks = factory.CreateCounter("esmctl_ticks_total", "Reconcile ticks by result.", "result");
        // Every result from the start, at 0, so rate() and alerts work before the first failure.
        foreach (var result in Enum.GetValues<TickResult>()) _ticks.WithLabels(Label(result));
        _duration = factory.CreateHistogram("esmctl_tick_duration_seconds", "How long reconcile ticks took.",
            new HistogramConfiguration { Buckets = [.. DurationBuckets] });
        // Gauges nobody has measured yet are left out rather than reported as a misleading 0.
        _managed = factory.CreateGauge("esmctl_managed_mappings", "Event source mappings this owner manages, as of the last tick that read them.",
            new GaugeConfiguration { SuppressInitialValue = true });
        _drifted = factory.CreateGauge("esmctl_drifted_mappings", "Managed mappings whose live state differed from the manifests at the last tick.",
            new GaugeConfiguration { SuppressInitialValue = true });
        _actions = factory.CreateCounter("esmctl_actions_total", "Planned actions by kind and result.", "kind", "result");
        _apiRequests = factory.CreateCounter("esmctl_api_requests_total", "Lambda API requests by operation and error code (OK for success).", "operation", "code");
        // 0 before the first success, so `time() - esmctl_last_success_timestamp_seconds` alerts at once.
        _lastSuccess = factory.CreateGauge("esmctl_last_success_timestamp_seconds", "Unix time of the last successful tick (0 if none yet).");
    }

    public void Record(TickOutcome outcome, TimeSpan duration, DateTimeOffset finishedAt)
    {
        _ticks.WithLabels(Label(outcome.Result)).Inc();
        _duration.Observe(duration.TotalSeconds);
        foreach (var action in outcome.Actions) _actions.WithLabels(Label(action.Kind), Label(action.Result)).Inc(action.Count);
        foreach (var request in outcome.ApiRequests) _apiRequests.WithLabels(request.Operation, request.Code).Inc(request.Count);
        if (outcome.ManagedMappings is { } managed) _managed.Set(managed);
        if (outcome.DriftedMappings is { } drifted) _drifted.Set(drifted);
        if (outcome.Result == TickResult.Succeeded) _lastSuccess.Set(finishedAt.ToUnixTimeMilliseconds() / 1000.0);
    }

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
