using Esmctl.Daemon;

namespace Esmctl.Tests.Daemon;

public sealed class GracefulStopTests
{
    [Fact]
    public async Task Stop_gives_the_tick_in_flight_its_grace_then_cancels_it_and_starts_nothing_new()
    {
        await using var loop = new LoopHarness();
        await loop.StartAsync();
        var inFlight = await loop.Tick.NextCallAsync();

        var stopping = loop.Loop.StopAsync(CancellationToken.None);
        Assert.Equal(TimeSpan.FromSeconds(30), await loop.NextWaitAsync());
        Assert.Equal(LoopPhase.Stopping, loop.Status.Current.Phase);

        loop.Time.Advance(TimeSpan.FromSeconds(29));
        Assert.False(inFlight.Token.IsCancellationRequested);
        Assert.False(stopping.IsCompleted);

        loop.Time.Advance(TimeSpan.FromSeconds(1));
        await stopping.WaitAsync(TestTimeouts.Wait);
        Assert.True(inFlight.Token.IsCancellationRequested);
        Assert.Equal(LoopPhase.Stopped, loop.Status.Current.Phase);
        Assert.Equal(TickResult.Failed, loop.Status.Current.LastTick!.Result);
        Assert.False(loop.Tick.HasUnreadCall);
        Assert.True(loop.Loop.ExecuteTask!.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task Stop_tells_the_tick_in_flight_at_once_so_it_starts_nothing_new_while_its_token_waits_for_the_grace()
    {
        await using var loop = new LoopHarness();
        await loop.StartAsync();
        var inFlight = await loop.Tick.NextCallAsync();
        Assert.False(inFlight.Context.Stopping.IsCancellationRequested);

        var stopping = loop.Loop.StopAsync(CancellationToken.None);
        await loop.NextWaitAsync();

        Assert.True(inFlight.Context.Stopping.IsCancellationRequested);
        Assert.False(inFlight.Token.IsCancellationRequested);
        inFlight.Complete(TickResult.Succeeded);
        await stopping.WaitAsync(TestTimeouts.Wait);
        Assert.True(loop.Loop.ExecuteTask!.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task A_tick_finishing_within_the_grace_is_recorded_and_is_the_last()
    {
        await using var loop = new LoopHarness();
        await loop.StartAsync();
        var inFlight = await loop.Tick.NextCallAsync();

        var stopping = loop.Loop.StopAsync(CancellationToken.None);
        await loop.NextWaitAsync();
        loop.Time.Advance(TimeSpan.FromSeconds(10));
        inFlight.Complete(new TickOutcome(TickResult.Succeeded) { PlanJson = "{\"formatVersion\":\"1\"}" });

        await stopping.WaitAsync(TestTimeouts.Wait);
        Assert.False(inFlight.Token.IsCancellationRequested);
        Assert.Equal(TickResult.Succeeded, loop.Status.Current.LastTick!.Result);
        Assert.Equal(1, loop.Status.Current.TickCount);
        Assert.False(loop.Tick.HasUnreadCall);
    }

    [Fact]
    public async Task Stop_while_waiting_ends_at_once()
    {
        await using var loop = new LoopHarness();
        await loop.StartAsync();
        (await loop.Tick.NextCallAsync()).Complete(TickResult.Succeeded);
        await loop.NextWaitAsync();

        await loop.Loop.StopAsync(CancellationToken.None).WaitAsync(TestTimeouts.Wait);
        Assert.Equal(LoopPhase.Stopped, loop.Status.Current.Phase);
        Assert.False(loop.Status.Current.IsAlive(loop.Now));
    }
}
