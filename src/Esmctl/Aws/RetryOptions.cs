namespace Esmctl.Aws;

/// <summary>
/// Bounds of the client's one retry layer. Throttling, 5xx and network failures back off exponentially with full
/// jitter (delay = random(0, min(MaxDelay, BaseDelay * 2^attempt))) for at most MaxAttempts tries; the errors AWS
/// gives right after an IAM role or function is made are retried for PropagationWindow. Nothing is retried past
/// Deadline, measured from the first try.
/// </summary>
public sealed record RetryOptions
{
    public int MaxAttempts { get; init; } = 8;
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromMilliseconds(200);
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(20);
    public TimeSpan Deadline { get; init; } = TimeSpan.FromMinutes(2);
    public TimeSpan PropagationWindow { get; init; } = TimeSpan.FromSeconds(30);

    public static RetryOptions Default { get; } = new();
}
