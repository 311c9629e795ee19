using Reconciler.Core.Planning;

namespace Esmctl.Daemon;

/// <summary>
/// Counters and gauges accumulated from tick outcomes, rendered as Prometheus text. Thread-safe: the loop
/// records, /metrics renders.
/// </summary>
public sealed class DaemonMetrics
{
    /// <summary>Upper bounds (seconds) of the tick duration histogram: a steady-state tick is a few List pages.</summary>
    public static readonly IReadOnlyList<double> DurationBuckets = [0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300];

    private readonly object _gate = new();
    private readonly Dictionary<TickResult, long> _ticks = Enum.GetValues<TickResult>().ToDictionary(r => r, _ => 0L);
    private readonly long[] _durationBuckets = new long[DurationBuckets.Count];
    private readonly SortedDictionary<(string Kind, string Result), long> _actions = [];
    private readonly SortedDictionary<(string Operation, string Code), long> _apiRequests = [];
    private double _durationSum;
    private long _durationCount;
    private int? _managed;
    private int? _drifted;
    private DateTimeOffset? _lastSuccess;

    public void Record(TickOutcome outcome, TimeSpan duration, DateTimeOffset finishedAt)
    {
        lock (_gate)
        {
            _ticks[outcome.Result]++;
            var seconds = duration.TotalSeconds;
            _durationSum += seconds;
            _durationCount++;
            for (var i = 0; i < DurationBuckets.Count; i++)
            {
                if (seconds <= DurationBuckets[i]) _durationBuckets[i]++;
            }
            foreach (var action in outcome.Actions)
            {
                var key = (Label(action.Kind), Label(action.Result));
                _actions[key] = _actions.GetValueOrDefault(key) + action.Count;
            }
            foreach (var request in outcome.ApiRequests)
            {
                var key = (request.Operation, request.Code);
                _apiRequests[key] = _apiRequests.GetValueOrDefault(key) + request.Count;
            }
            _managed = outcome.ManagedMappings ?? _managed;
            _drifted = outcome.DriftedMappings ?? _drifted;
            if (outcome.Result == TickResult.Succeeded) _lastSuccess = finishedAt;
        }
    }

    public string Render()
    {
        var text = new PrometheusText();
        lock (_gate)
        {
            text.Family("esmctl_ticks_total", "counter", "Reconcile ticks by result.");
            foreach (var (result, count) in _ticks.OrderBy(t => Label(t.Key), StringComparer.Ordinal))
            {
                text.Sample("esmctl_ticks_total", count, ("result", Label(result)));
            }

            text.Family("esmctl_tick_duration_seconds", "histogram", "How long reconcile ticks took.");
            for (var i = 0; i < DurationBuckets.Count; i++)
            {
                text.Sample("esmctl_tick_duration_seconds_bucket", _durationBuckets[i], ("le", PrometheusText.Number(DurationBuckets[i])));
            }
            text.Sample("esmctl_tick_duration_seconds_bucket", _durationCount, ("le", "+Inf"));
            text.Sample("esmctl_tick_duration_seconds_sum", _durationSum);
            text.Sample("esmctl_tick_duration_seconds_count", _durationCount);

            // Gauges nobody has measured yet are left out rather than reported as a misleading 0.
            if (_managed is { } managed)
            {
                text.Family("esmctl_managed_mappings", "gauge", "Event source mappings this owner manages, as of the last tick that read them.");
                text.Sample("esmctl_managed_mappings", managed);
            }
            if (_drifted is { } drifted)
            {
                text.Family("esmctl_drifted_mappings", "gauge", "Managed mappings whose live state differed from the manifests at the last tick.");
                text.Sample("esmctl_drifted_mappings", drifted);
            }

            text.Family("esmctl_actions_total", "counter", "Planned actions by kind and result.");
            foreach (var ((kind, result), count) in _actions)
            {
                text.Sample("esmctl_actions_total", count, ("kind", kind), ("result", result));
            }

            text.Family("esmctl_api_requests_total", "counter", "Lambda API requests by operation and error code (OK for success).");
            foreach (var ((operation, code), count) in _apiRequests)
            {
                text.Sample("esmctl_api_requests_total", count, ("operation", operation), ("code", code));
            }

            // 0 before the first success, so `time() - esmctl_last_success_timestamp_seconds` alerts at once.
            text.Family("esmctl_last_success_timestamp_seconds", "gauge", "Unix time of the last successful tick (0 if none yet).");
            text.Sample("esmctl_last_success_timestamp_seconds", _lastSuccess is { } at ? at.ToUnixTimeMilliseconds() / 1000.0 : 0);
        }
        return text.ToString();
    }

    public static string Label(TickResult result) => result switch
    {
        TickResult.Succeeded => "succeeded",
        TickResult.InvalidInput => "invalid_input",
        _ => "failed",
    };

    public static string Label(ActionResult result) => result.ToString().ToLowerInvariant();

    public static string Label(PlanActionKind kind) => kind.ToString().ToLowerInvariant();
}
