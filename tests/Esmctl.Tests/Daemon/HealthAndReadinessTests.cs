using Esmctl.Daemon;

namespace Esmctl.Tests.Daemon;

public sealed class HealthAndReadinessTests
{
    [Fact]
    public async Task Readiness_fails_after_three_intervals_without_success_and_returns_with_the_next_success()
    {
        await using var loop = new LoopHarness();
        await loop.StartAsync();
        Assert.False(loop.Status.Current.IsReady(loop.Now, loop.Options.Interval));

        (await loop.Tick.NextCallAsync()).Complete(TickResult.Succeeded);
        await loop.NextWaitAsync();
        var success = loop.Now;
        Assert.True(loop.Status.Current.IsReady(loop.Now, loop.Options.Interval));

        // AWS starts failing: the ticks back off, readiness holds for three intervals, then drops.
        await loop.RunUntilAsync(success + TimeSpan.FromMinutes(3), _ => TickOutcome.Failure("ServiceException"));
        Assert.True(loop.Status.Current.IsReady(loop.Now, loop.Options.Interval));
        await loop.RunUntilAsync(success + TimeSpan.FromMinutes(3) + TimeSpan.FromSeconds(1), _ => TickOutcome.Failure("ServiceException"));
        Assert.False(loop.Status.Current.IsReady(loop.Now, loop.Options.Interval));
        Assert.True(loop.Status.Current.IsAlive(loop.Now));

        // Invalid input is not success either.
        loop.Watcher.Change();
        loop.Time.Advance(await loop.NextWaitAsync());
        (await loop.Tick.NextCallAsync()).Complete(TickResult.InvalidInput);
        await loop.NextWaitAsync();
        Assert.False(loop.Status.Current.IsReady(loop.Now, loop.Options.Interval));

        loop.Watcher.Change();
        loop.Time.Advance(await loop.NextWaitAsync());
        (await loop.Tick.NextCallAsync()).Complete(TickResult.Succeeded);
        await loop.NextWaitAsync();
        Assert.True(loop.Status.Current.IsReady(loop.Now, loop.Options.Interval));
    }

    [Fact]
    public async Task Liveness_fails_when_a_tick_hangs_past_the_tick_timeout()
    {
        var options = new DaemonOptions { Paths = ["m"], TickTimeout = TimeSpan.FromMinutes(2) };
        await using var loop = new LoopHarness(options);
        await loop.StartAsync();
        var hung = await loop.Tick.NextCallAsync();
        var started = loop.Now;

        loop.Time.Advance(TimeSpan.FromMinutes(2) + DaemonStatusSnapshot.LivenessSlack);
        Assert.True(loop.Status.Current.IsAlive(loop.Now));
        loop.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.False(loop.Status.Current.IsAlive(loop.Now));

        hung.Complete(TickResult.Succeeded);
        await loop.NextWaitAsync();
        Assert.True(loop.Status.Current.IsAlive(loop.Now));
        Assert.Equal(loop.Now - started, loop.Status.Current.LastTick!.Duration);
    }

    [Fact]
    public async Task Liveness_holds_through_a_long_wait_because_the_loop_promised_when_it_returns()
    {
        var options = new DaemonOptions { Paths = ["m"], Interval = TimeSpan.FromHours(1) };
        await using var loop = new LoopHarness(options);
        await loop.StartAsync();
        (await loop.Tick.NextCallAsync()).Complete(TickResult.Succeeded);
        var wait = await loop.NextWaitAsync();
        loop.Time.Advance(wait - TimeSpan.FromSeconds(1));
        Assert.True(loop.Status.Current.IsAlive(loop.Now));
        Assert.Equal(loop.Now + TimeSpan.FromSeconds(1), loop.Status.Current.NextTickAt);
    }
}
