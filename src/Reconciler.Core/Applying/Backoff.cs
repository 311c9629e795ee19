namespace Reconciler.Core.Applying;

/// <summary>Poll intervals: exponential from a base up to a cap, with "equal jitter" (half fixed, half random)
/// so concurrent waits drift apart without ever polling in a tight loop.</summary>
internal static class Backoff
{
    public static TimeSpan Delay(int attempt, TimeSpan @base, TimeSpan max, double jitter)
    {
        var exponent = Math.Min(Math.Max(attempt, 0), 30);
        var cap = TimeSpan.FromTicks((long)Math.Min(max.Ticks, @base.Ticks * Math.Pow(2, exponent)));
        var spread = Math.Clamp(jitter, 0.0, 1.0);
        return TimeSpan.FromTicks((long)(cap.Ticks * (0.5 + spread / 2)));
    }
}
