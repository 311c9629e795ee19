namespace Esmctl.Daemon;

/// <summary>base * 2^(n-1), capped at max: the one backoff curve the loop and the per-mapping bookkeeping share.</summary>
public static class ExponentialDelay
{
    public static TimeSpan After(int consecutiveFailures, TimeSpan baseDelay, TimeSpan maxDelay)
    {
        if (consecutiveFailures <= 0) return TimeSpan.Zero;
        var delay = baseDelay;
        for (var i = 1; i < consecutiveFailures && delay < maxDelay; i++)
        {
            delay += delay;
        }
        return delay < maxDelay ? delay : maxDelay;
    }
}
