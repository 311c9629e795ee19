namespace Reconciler.Emulator.Persistence;

/// <summary>How long a writer waits for another writer's lock, and how often it tries again meanwhile.</summary>
public sealed record StateFileLockOptions
{
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(10);
    public TimeSpan RetryInterval { get; init; } = TimeSpan.FromMilliseconds(20);
}
