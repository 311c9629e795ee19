using System.Threading.Channels;
using Reconciler.Testing;

namespace Esmctl.Tests.Daemon;

/// <summary>
/// A ManualTimeProvider that also reports every timer created, so a test knows the loop is parked in a wait
/// (and for how long) before it moves the clock. No test sleeps.
/// </summary>
internal sealed class SignallingTimeProvider : TimeProvider
{
    private readonly Channel<TimeSpan> _created = Channel.CreateUnbounded<TimeSpan>();

    public ManualTimeProvider Clock { get; } = new();

    public override DateTimeOffset GetUtcNow() => Clock.GetUtcNow();

    public override long GetTimestamp() => Clock.GetTimestamp();

    public override long TimestampFrequency => Clock.TimestampFrequency;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = Clock.CreateTimer(callback, state, dueTime, period);
        _created.Writer.TryWrite(dueTime);
        return timer;
    }

    public void Advance(TimeSpan by) => Clock.Advance(by);

    /// <summary>The due time of the next timer the code under test creates.</summary>
    public async Task<TimeSpan> NextTimerAsync() =>
        await _created.Reader.ReadAsync().AsTask().WaitAsync(TestTimeouts.Wait);

    public bool HasUnreadTimer => _created.Reader.TryPeek(out _);
}
