using Reconciler.Core.Api;
using Esmctl.Daemon;
using Reconciler.Core.Planning;
using static Esmctl.Tests.Daemon.PrometheusTextParser;

namespace Esmctl.Tests.Daemon;

public sealed class DaemonMetricsTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Before_any_tick_the_exposition_parses_with_zero_counters_and_no_unmeasured_gauges()
    {
        var (types, samples) = Parse(new DaemonMetrics().Render());

        Assert.Equal("counter", types["esmctl_ticks_total"]);
        Assert.Equal("histogram", types["esmctl_tick_duration_seconds"]);
        Assert.Equal(0, Value(samples, "esmctl_ticks_total", ("result", "succeeded")));
        Assert.Equal(0, Value(samples, "esmctl_ticks_total", ("result", "failed")));
        Assert.Equal(0, Value(samples, "esmctl_ticks_total", ("result", "invalid_input")));
        Assert.Equal(0, Value(samples, "esmctl_last_success_timestamp_seconds"));
        Assert.DoesNotContain(samples, s => s.Name == "esmctl_managed_mappings");
    }

    [Fact]
    public void Counters_accumulate_across_ticks_and_gauges_show_the_last_measurement()
    {
        var metrics = new DaemonMetrics();
        metrics.Record(new TickOutcome(TickResult.Succeeded)
        {
            ManagedMappings = 4,
            DriftedMappings = 2,
            Actions = [new ActionCount(PlanActionKind.Update, ActionResult.Succeeded, 1), new ActionCount(PlanActionKind.Create, ActionResult.Failed, 1)],
            ApiRequests = [new ApiRequestCount("ListEventSourceMappings", ApiRequestCount.Ok, 2), new ApiRequestCount("CreateEventSourceMapping", "InvalidParameterValueException", 1)],
        }, TimeSpan.FromMilliseconds(300), T0);
        metrics.Record(new TickOutcome(TickResult.InvalidInput), TimeSpan.FromMilliseconds(20), T0 + TimeSpan.FromMinutes(1));
        metrics.Record(new TickOutcome(TickResult.Succeeded)
        {
            ManagedMappings = 5,
            DriftedMappings = 0,
            Actions = [new ActionCount(PlanActionKind.Update, ActionResult.Succeeded, 2)],
            ApiRequests = [new ApiRequestCount("ListEventSourceMappings", ApiRequestCount.Ok, 2)],
        }, TimeSpan.FromSeconds(7), T0 + TimeSpan.FromMinutes(2));
        metrics.Record(TickOutcome.Failure("boom"), TimeSpan.FromSeconds(400), T0 + TimeSpan.FromMinutes(3));

        var (types, samples) = Parse(metrics.Render());

        Assert.Equal(2, Value(samples, "esmctl_ticks_total", ("result", "succeeded")));
        Assert.Equal(1, Value(samples, "esmctl_ticks_total", ("result", "invalid_input")));
        Assert.Equal(1, Value(samples, "esmctl_ticks_total", ("result", "failed")));
        Assert.Equal(3, Value(samples, "esmctl_actions_total", ("kind", "update"), ("result", "succeeded")));
        Assert.Equal(1, Value(samples, "esmctl_actions_total", ("kind", "create"), ("result", "failed")));
        Assert.Equal(4, Value(samples, "esmctl_api_requests_total", ("operation", "ListEventSourceMappings"), ("code", "OK")));
        Assert.Equal(1, Value(samples, "esmctl_api_requests_total", ("operation", "CreateEventSourceMapping"), ("code", "InvalidParameterValueException")));
        Assert.Equal("gauge", types["esmctl_managed_mappings"]);
        Assert.Equal(5, Value(samples, "esmctl_managed_mappings"));
        Assert.Equal(0, Value(samples, "esmctl_drifted_mappings"));
        Assert.Equal((T0 + TimeSpan.FromMinutes(2)).ToUnixTimeSeconds(), Value(samples, "esmctl_last_success_timestamp_seconds"));

        Assert.Equal(4, Value(samples, "esmctl_tick_duration_seconds_count"));
        Assert.Equal(407.32, Value(samples, "esmctl_tick_duration_seconds_sum"), 6);
        Assert.Equal(2, Value(samples, "esmctl_tick_duration_seconds_bucket", ("le", "0.5")));
        Assert.Equal(3, Value(samples, "esmctl_tick_duration_seconds_bucket", ("le", "10")));
        Assert.Equal(3, Value(samples, "esmctl_tick_duration_seconds_bucket", ("le", "300")));
        Assert.Equal(4, Value(samples, "esmctl_tick_duration_seconds_bucket", ("le", "+Inf")));
    }

    [Fact]
    public void Label_values_are_escaped()
    {
        var metrics = new DaemonMetrics();
        metrics.Record(new TickOutcome(TickResult.Succeeded)
        {
            ApiRequests = [new ApiRequestCount("Odd\"Op\\", "line\nbreak", 1)],
        }, TimeSpan.Zero, T0);
        var text = metrics.Render();
        Assert.Contains("esmctl_api_requests_total{operation=\"Odd\\\"Op\\\\\",code=\"line\\nbreak\"} 1\n", text);
        var (_, samples) = Parse(text);
        Assert.Equal(1, Value(samples, "esmctl_api_requests_total", ("operation", "Odd\"Op\\"), ("code", "line\\nbreak")));
    }

    [Fact]
    public async Task The_loop_records_every_tick_it_runs()
    {
        await using var loop = new LoopHarness();
        await loop.StartAsync();
        var first = await loop.Tick.NextCallAsync();
        loop.Time.Advance(TimeSpan.FromSeconds(3));
        first.Complete(new TickOutcome(TickResult.Succeeded) { ManagedMappings = 3, DriftedMappings = 1 });
        loop.Time.Advance(await loop.NextWaitAsync());
        (await loop.Tick.NextCallAsync()).Complete(TickOutcome.Failure("throttled"));
        await loop.NextWaitAsync();

        var (_, samples) = Parse(loop.Metrics.Render());
        Assert.Equal(1, Value(samples, "esmctl_ticks_total", ("result", "succeeded")));
        Assert.Equal(1, Value(samples, "esmctl_ticks_total", ("result", "failed")));
        Assert.Equal(3, Value(samples, "esmctl_managed_mappings"));
        Assert.Equal(1, Value(samples, "esmctl_drifted_mappings"));
        Assert.Equal(3, Value(samples, "esmctl_tick_duration_seconds_sum"));
    }
}
