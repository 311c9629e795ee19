namespace Reconciler.Core.Retrying;

/// <summary>
/// The one backoff curve — base * 2^n, capped at max — and the two ways a jitter draw in [0, 1) spreads it. Every wait
/// after a failure uses it: the AWS client's retries (full jitter: many clients drift apart), the applier's polls for a
/// mapping to settle (equal jitter: never a tight loop), and the daemon's waits after failed ticks and per mapping
/// (no jitter; the loop spreads its interval itself). The draw comes from the caller's injected jitter source.
/// </summary>
public static class Backoff
{
    /// <summary>base * 2^(failures-1), capped at max; zero for no failure. Computed without overflow for any count.</summary>
    public static TimeSpan Exponential(int failures, TimeSpan @base, TimeSpan max)
    {
        if (failures <= 0) return TimeSpan.Zero;
        var delay = @base;
        for (var i = 1; i < failures && delay < max; i++) delay += delay;
        return delay < max ? delay : max;
    }

    /// <summary>Uniformly between zero and <see cref="Exponential"/>: delay = unit * min(max, base * 2^(failures-1)).</summary>
    public static TimeSpan FullJitter(int failures, TimeSpan @base, TimeSpan max, double unit) =>
        TimeSpan.FromTicks((long)(Exponential(failures, @base, max).Ticks * Math.Clamp(unit, 0.0, 1.0)));

    /// <summary>Half fixed, half random: (0.5 + unit / 2) * min(max, base * 2^attempt), for attempt 0, 1, 2, ...</summary>
    public static TimeSpan EqualJitter(int attempt, TimeSpan @base, TimeSpan max, double unit) =>
        TimeSpan.FromTicks((long)(Exponential(Math.Max(attempt, 0) + 1, @base, max).Ticks * (0.5 + Math.Clamp(unit, 0.0, 1.0) / 2)));
}
