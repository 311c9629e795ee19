namespace Reconciler.Core.Applying;

/// <summary>
/// How an apply behaves. Validated once, when a <see cref="PlanApplier"/> is built, so a bad value fails at
/// start-up rather than halfway through a run.
/// </summary>
public sealed record ApplyOptions
{
    /// <summary>How many mappings are worked on at the same time.</summary>
    public int MaxConcurrency { get; init; } = 4;

    /// <summary>Refuse the whole apply when the plan deletes more mappings than this; null means no limit.</summary>
    public int? MaxDeletes { get; init; }

    /// <summary>How long to wait for a mapping to leave a transitional state (Deleting, Updating, ...).</summary>
    public TimeSpan SettleTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>First poll interval; it doubles per poll up to <see cref="PollBackoffMax"/>.</summary>
    public TimeSpan PollBackoffBase { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan PollBackoffMax { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// A source of numbers in [0, 1) that spreads polls of concurrent waits apart. Injected so tests are
    /// deterministic; the composition root passes <see cref="JitterFrom"/> of a seeded Random.
    /// </summary>
    public required Func<double> Jitter { get; init; }

    /// <summary>A thread-safe jitter source over <paramref name="random"/> (Random itself is not safe to share
    /// between the concurrent waits of one apply).</summary>
    public static Func<double> JitterFrom(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var gate = new object();
        return () =>
        {
            lock (gate) return random.NextDouble();
        };
    }

    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxConcurrency, 1, nameof(MaxConcurrency));
        if (MaxDeletes is int limit) ArgumentOutOfRangeException.ThrowIfNegative(limit, nameof(MaxDeletes));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(SettleTimeout, TimeSpan.Zero, nameof(SettleTimeout));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(PollBackoffBase, TimeSpan.Zero, nameof(PollBackoffBase));
        ArgumentOutOfRangeException.ThrowIfLessThan(PollBackoffMax, PollBackoffBase, nameof(PollBackoffMax));
        ArgumentNullException.ThrowIfNull(Jitter, nameof(Jitter));
    }
}
