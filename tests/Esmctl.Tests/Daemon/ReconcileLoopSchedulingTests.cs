using Esmctl.Daemon;

namespace Esmctl.Tests.Daemon;

public sealed class ReconcileLoopSchedulingTests
{
    [Theory]
    [InlineData(0.0, 60_000)]
    [InlineData(0.5, 63_000)]
    [InlineData(0.999, 65_994)]
    public async Task Ticks_at_start_then_every_interval_plus_jitter(double jitter, int expectedMilliseconds)
    {
        await using var loop = new LoopHarness(jitter: jitter);
        await loop.StartAsync();

        var first = await loop.Tick.NextCallAsync();
        Assert.Equal(TickReason.Startup, first.Context.Reason);
        Assert.Equal(1, first.Context.Number);
        first.Complete(TickResult.Succeeded);

        var wait = await loop.NextWaitAsync();
        Assert.Equal(TimeSpan.FromMilliseconds(expectedMilliseconds), wait);
        Assert.InRange(wait, loop.Options.Interval, loop.Options.Interval * (1 + loop.Options.Jitter));

        loop.Time.Advance(wait - TimeSpan.FromMilliseconds(1));
        Assert.False(loop.Tick.HasUnreadCall);
        loop.Time.Advance(TimeSpan.FromMilliseconds(1));
        var second = await loop.Tick.NextCallAsync();
        Assert.Equal(TickReason.Interval, second.Context.Reason);
        Assert.Equal(2, second.Context.Number);
        second.Complete(TickResult.Succeeded);
        Assert.Equal(TimeSpan.FromMilliseconds(expectedMilliseconds), await loop.NextWaitAsync());
    }

    [Fact]
    public async Task Several_quick_changes_make_one_tick_a_debounce_after_the_last()
    {
        await using var loop = new LoopHarness();
        await loop.StartAsync();
        (await loop.Tick.NextCallAsync()).Complete(TickResult.Succeeded);
        await loop.NextWaitAsync();

        loop.Watcher.Change();
        Assert.Equal(TimeSpan.FromSeconds(2), await loop.NextWaitAsync());
        loop.Time.Advance(TimeSpan.FromSeconds(1));
        loop.Watcher.Change();
        Assert.Equal(TimeSpan.FromSeconds(2), await loop.NextWaitAsync());
        loop.Time.Advance(TimeSpan.FromSeconds(1.5));
        loop.Watcher.Change();
        Assert.Equal(TimeSpan.FromSeconds(2), await loop.NextWaitAsync());
        loop.Time.Advance(TimeSpan.FromSeconds(1.9));
        Assert.False(loop.Tick.HasUnreadCall);
        loop.Time.Advance(TimeSpan.FromSeconds(0.1));
        var tick = await loop.Tick.NextCallAsync();
        Assert.Equal(TickReason.ManifestChanged, tick.Context.Reason);
        tick.Complete(TickResult.Succeeded);

        // Back to the interval: the burst of changes made exactly one tick.
        Assert.Equal(TimeSpan.FromSeconds(60), await loop.NextWaitAsync());
        Assert.False(loop.Tick.HasUnreadCall);
        Assert.Equal(1, loop.Tick.MaxConcurrent);
    }

    [Fact]
    public async Task Changes_during_a_tick_schedule_exactly_one_follow_up_and_ticks_never_overlap()
    {
        await using var loop = new LoopHarness();
        await loop.StartAsync();
        var running = await loop.Tick.NextCallAsync();

        loop.Watcher.Change();
        loop.Time.Advance(TimeSpan.FromSeconds(5));
        loop.Watcher.Change();
        loop.Watcher.Change();
        Assert.False(loop.Tick.HasUnreadCall);
        running.Complete(TickResult.Succeeded);

        Assert.Equal(TimeSpan.FromSeconds(2), await loop.NextWaitAsync());
        loop.Time.Advance(TimeSpan.FromSeconds(2));
        var followUp = await loop.Tick.NextCallAsync();
        Assert.Equal(TickReason.ManifestChanged, followUp.Context.Reason);
        followUp.Complete(TickResult.Succeeded);

        Assert.Equal(TimeSpan.FromSeconds(60), await loop.NextWaitAsync());
        Assert.False(loop.Tick.HasUnreadCall);
        Assert.Equal(1, loop.Tick.MaxConcurrent);
        Assert.Equal(2, loop.Status.Current.TickCount);
    }

    [Fact]
    public async Task Failed_ticks_back_off_exponentially_up_to_the_cap_and_success_resets()
    {
        var options = new DaemonOptions { Paths = ["m"], BackoffBase = TimeSpan.FromSeconds(5), MaxBackoff = TimeSpan.FromSeconds(30) };
        await using var loop = new LoopHarness(options);
        await loop.StartAsync();

        var waits = new List<TimeSpan>();
        var call = await loop.Tick.NextCallAsync();
        for (var i = 0; i < 5; i++)
        {
            if (i == 2) call.Throw(new InvalidOperationException("a bug in the pipeline"));
            else call.Complete(TickOutcome.Failure("ListEventSourceMappings: ServiceException"));
            var wait = await loop.NextWaitAsync();
            waits.Add(wait);
            loop.Time.Advance(wait);
            call = await loop.Tick.NextCallAsync();
            Assert.Equal(TickReason.Backoff, call.Context.Reason);
        }
        Assert.Equal([5, 10, 20, 30, 30], waits.Select(w => w.TotalSeconds));
        Assert.Equal(5, loop.Status.Current.ConsecutiveFailures);

        call.Complete(TickResult.Succeeded);
        Assert.Equal(TimeSpan.FromSeconds(60), await loop.NextWaitAsync());
        Assert.Equal(0, loop.Status.Current.ConsecutiveFailures);
    }

    [Fact]
    public async Task Invalid_input_is_not_backed_off_and_the_loop_keeps_running()
    {
        await using var loop = new LoopHarness();
        await loop.StartAsync();
        (await loop.Tick.NextCallAsync()).Complete(TickResult.InvalidInput);
        Assert.Equal(TimeSpan.FromSeconds(60), await loop.NextWaitAsync());

        // The fix arrives as a file change and is picked up by the next tick.
        loop.Watcher.Change();
        loop.Time.Advance(await loop.NextWaitAsync());
        var fixedTick = await loop.Tick.NextCallAsync();
        Assert.Equal(TickReason.ManifestChanged, fixedTick.Context.Reason);
        fixedTick.Complete(TickResult.Succeeded);
        await loop.NextWaitAsync();
        Assert.Equal(TickResult.Succeeded, loop.Status.Current.LastTick!.Result);
    }

    [Fact]
    public async Task A_transient_mapping_failure_brings_the_next_tick_forward_to_its_retry_time()
    {
        await using var loop = new LoopHarness();
        await loop.StartAsync();
        var first = await loop.Tick.NextCallAsync();
        first.Complete(new TickOutcome(TickResult.Succeeded)
        {
            Failures = [new MappingFailure("orders", FailureClass.Transient, "d1", "TooManyRequestsException", "Rate exceeded")],
            Settled = ["payments"],
        });

        Assert.Equal(TimeSpan.FromSeconds(5), await loop.NextWaitAsync());
        loop.Time.Advance(TimeSpan.FromSeconds(5));
        var retry = await loop.Tick.NextCallAsync();
        Assert.Equal(TickReason.MappingRetry, retry.Context.Reason);
        Assert.True(retry.Context.Backoff.MayAttempt("orders", "d1", retry.Context.StartedAt));

        // Failing again doubles that mapping's wait; the others are untouched.
        retry.Complete(new TickOutcome(TickResult.Succeeded)
        {
            Failures = [new MappingFailure("orders", FailureClass.Transient, "d1", "ResourceConflictException", "in progress")],
        });
        Assert.Equal(TimeSpan.FromSeconds(10), await loop.NextWaitAsync());
        Assert.True(loop.Backoff.MayAttempt("payments", "p", loop.Now));

        loop.Time.Advance(TimeSpan.FromSeconds(10));
        var third = await loop.Tick.NextCallAsync();
        third.Complete(new TickOutcome(TickResult.Succeeded) { Settled = ["orders"] });
        Assert.Equal(TimeSpan.FromSeconds(60), await loop.NextWaitAsync());
        Assert.Empty(loop.Backoff.Snapshot());
    }

    [Fact]
    public async Task A_terminal_mapping_failure_is_held_until_its_input_digest_changes()
    {
        await using var loop = new LoopHarness();
        await loop.StartAsync();
        (await loop.Tick.NextCallAsync()).Complete(new TickOutcome(TickResult.Succeeded)
        {
            Failures = [new MappingFailure("orders", FailureClass.Terminal, "d1", "InvalidParameterValueException", "BatchSize too large")],
        });

        // Held: no early retry is scheduled.
        Assert.Equal(TimeSpan.FromSeconds(60), await loop.NextWaitAsync());
        await loop.RunUntilAsync(loop.Now + TimeSpan.FromHours(3), call =>
        {
            Assert.False(call.Context.Backoff.MayAttempt("orders", "d1", call.Context.StartedAt));
            return new TickOutcome(TickResult.Succeeded);
        });
        Assert.Single(loop.Backoff.Snapshot());

        loop.Watcher.Change();
        loop.Time.Advance(await loop.NextWaitAsync());
        var edited = await loop.Tick.NextCallAsync();
        Assert.True(edited.Context.Backoff.MayAttempt("orders", "d2", edited.Context.StartedAt));
        edited.Complete(new TickOutcome(TickResult.Succeeded) { Settled = ["orders"] });
        await loop.NextWaitAsync();
        Assert.Empty(loop.Backoff.Snapshot());
    }

    [Fact]
    public async Task Tags_are_refreshed_on_the_slower_cadence_only()
    {
        var options = new DaemonOptions { Paths = ["m"], TagRefreshInterval = TimeSpan.FromMinutes(5) };
        await using var loop = new LoopHarness(options);
        await loop.StartAsync();
        var refreshes = new List<bool>();
        var first = await loop.Tick.NextCallAsync();
        refreshes.Add(first.Context.RefreshTags);
        first.Complete(TickResult.Succeeded);
        await loop.NextWaitAsync();

        await loop.RunUntilAsync(loop.Now + TimeSpan.FromMinutes(10), call =>
        {
            refreshes.Add(call.Context.RefreshTags);
            return new TickOutcome(TickResult.Succeeded);
        });
        // Ticks at 0, 1, ..., 10 minutes: tags read at 0, 5 and 10.
        Assert.Equal(11, refreshes.Count);
        Assert.Equal([0, 5, 10], refreshes.Select((refresh, minute) => (refresh, minute)).Where(r => r.refresh).Select(r => r.minute));
    }
}
