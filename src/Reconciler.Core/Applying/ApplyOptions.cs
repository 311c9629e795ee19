namespace Reconciler.Core.Applying;

/// <summary>
/// How an apply behaves. Validated once, when a <see cref="PlanApplier"/> is built, so a bad value fails at
/// start-up rather than halfway through a run.
/// </summary>
public sealed record ApplyOptions
{
    /// <summary>How many mappings are worked on at the same time.</summary>
    public int MaxConcurrency { get; init; } = 4;

    /// <summary>How long to wait for a mapping to leave a transitional state (Deleting, Updating, ...).</summary>
    public TimeSpan SettleTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>First poll interval; it doubles per poll up to <see cref="PollBackoffMax"/>.</summary>
    public TimeSpan PollBackoffBase { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan PollBackoffMax { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// After the calls, how long to wait for every mapping the apply created or changed to leave Creating, Updating,
    /// Enabling or Disabling; null does not wait (--no-wait). A mapping still in progress when it ends is reported
    /// as such, not as a failure.
    /// </summary>
    public TimeSpan? SettleWait { get; init; }

    /// <summary>The CLI's default for <see cref="SettleWait"/>.</summary>
    public static TimeSpan DefaultSettleWait { get; } = TimeSpan.FromMinutes(3);

    /// <summary>
    /// How many times a create whose outcome was lost (a 5xx, a timeout, a dropped connection, an unreadable success)
    /// is sent in all, when its mapping cannot be found afterwards. AWS refuses a second mapping of the same function
    /// and source with a 409 naming the first, so a retry cannot make a duplicate. Five: with one create in ten answered
    /// 500, three attempts still left about one manifest in 500 uncreated, and one apply of 60 in ten unfinished; five
    /// leave one in 30 000 (the waits between them add up to about half a minute at most).
    /// </summary>
    public int CreateAttempts { get; init; } = 5;

    /// <summary>
    /// How old the tags that prove ownership may be at the moment of a write (the plan's own read, or a read the applier
    /// made earlier in the run). Judged at each write, not once per apply: a person may sit at the confirmation prompt,
    /// and an apply may run for minutes. Older, and the applier reads the mapping's tags again before writing; zero reads
    /// them before every write (a session whose plan a person approved at a prompt sets zero: <c>Reconciling.Approval</c>).
    /// A live state that does not say when it was read counts as read when the apply starts.
    /// </summary>
    public TimeSpan TagEvidenceMaxAge { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How long to wait, at first, before looking again for a mapping whose create was lost (List can lag a
    /// create); doubled per attempt up to <see cref="PollBackoffMax"/>, jittered.</summary>
    public TimeSpan LostCreateDelay { get; init; } = TimeSpan.FromSeconds(2);

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
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(SettleTimeout, TimeSpan.Zero, nameof(SettleTimeout));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(PollBackoffBase, TimeSpan.Zero, nameof(PollBackoffBase));
        ArgumentOutOfRangeException.ThrowIfLessThan(PollBackoffMax, PollBackoffBase, nameof(PollBackoffMax));
        if (SettleWait is { } wait) ArgumentOutOfRangeException.ThrowIfLessThan(wait, TimeSpan.Zero, nameof(SettleWait));
        ArgumentOutOfRangeException.ThrowIfLessThan(CreateAttempts, 1, nameof(CreateAttempts));
        ArgumentOutOfRangeException.ThrowIfLessThan(TagEvidenceMaxAge, TimeSpan.Zero, nameof(TagEvidenceMaxAge));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(LostCreateDelay, TimeSpan.Zero, nameof(LostCreateDelay));
        ArgumentNullException.ThrowIfNull(Jitter, nameof(Jitter));
    }
}
