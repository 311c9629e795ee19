using Reconciler.Core.Retrying;

namespace Esmctl.Daemon;

/// <summary>
/// Per-mapping failure bookkeeping, so one failing mapping never blocks the others. A transient failure makes
/// its mapping wait BackoffBase * 2^(n-1) (at most MaxBackoff) before the next attempt; a terminal failure
/// holds the mapping until its input digest changes (a fixed manifest is a new input; the same one would
/// fail the same way). Either kind is retried at once when the input changes.
/// Thread-safe: the tick reads it while /status takes snapshots.
/// </summary>
public sealed class MappingBackoff(TimeSpan baseDelay, TimeSpan maxDelay)
{
    private readonly object _gate = new();
    private readonly Dictionary<string, MappingBackoffEntry> _entries = new(StringComparer.Ordinal);

    /// <summary>May the tick act on this mapping now?</summary>
    public bool MayAttempt(string mapping, string inputDigest, DateTimeOffset now)
    {
        lock (_gate)
        {
            if (!_entries.TryGetValue(mapping, out var entry)) return true;
            if (!string.Equals(entry.InputDigest, inputDigest, StringComparison.Ordinal)) return true;
            return entry.Class == FailureClass.Transient && entry.RetryAt <= now;
        }
    }

    public void RecordFailure(MappingFailure failure, DateTimeOffset now)
    {
        lock (_gate)
        {
            var previous = _entries.GetValueOrDefault(failure.Mapping);
            // A new input starts the count afresh: its failures say nothing about the old input's.
            var failures = previous is not null && previous.InputDigest == failure.InputDigest ? previous.ConsecutiveFailures + 1 : 1;
            DateTimeOffset? retryAt = failure.Class == FailureClass.Transient ? now + DelayAfter(failures) : null;
            _entries[failure.Mapping] = new MappingBackoffEntry(
                failure.Mapping, failure.Class, failures, retryAt, failure.InputDigest, failure.ErrorCode, failure.Message);
        }
    }

    public void RecordSuccess(string mapping)
    {
        lock (_gate) _entries.Remove(mapping);
    }

    /// <summary>
    /// After a complete tick that started at <paramref name="tickStartedAt"/>: transient entries already due then
    /// were attempted and did not fail again (or their mapping is gone), so they are over.
    /// </summary>
    public void ForgetDue(DateTimeOffset tickStartedAt, IReadOnlySet<string> failedThisTick)
    {
        lock (_gate)
        {
            var over = _entries.Values
                .Where(e => e.RetryAt <= tickStartedAt && !failedThisTick.Contains(e.Mapping))
                .Select(e => e.Mapping)
                .ToList();
            foreach (var mapping in over) _entries.Remove(mapping);
        }
    }

    /// <summary>The earliest moment a transient failure may be retried, so the loop can tick then.</summary>
    public DateTimeOffset? EarliestRetry
    {
        get
        {
            lock (_gate)
            {
                return _entries.Values.Where(e => e.RetryAt is not null).Min(e => e.RetryAt);
            }
        }
    }

    public IReadOnlyList<MappingBackoffEntry> Snapshot()
    {
        lock (_gate) return _entries.Values.OrderBy(e => e.Mapping, StringComparer.Ordinal).ToList();
    }

    /// <summary>base * 2^(failures-1), capped; computed without overflow for any count.</summary>
    public TimeSpan DelayAfter(int consecutiveFailures) => Backoff.Exponential(consecutiveFailures, baseDelay, maxDelay);
}
