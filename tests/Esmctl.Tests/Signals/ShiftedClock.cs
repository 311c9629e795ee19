namespace Esmctl.Tests.Signals;

/// <summary>Real time plus an offset a test can move forward: the emulator's transitions (its dwell) run on real time,
/// as the esmctl process sees them, but mappings seeded before the test can be made old at once.</summary>
internal sealed class ShiftedClock : TimeProvider
{
    private long _offsetTicks;

    public void Skip(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));
}
