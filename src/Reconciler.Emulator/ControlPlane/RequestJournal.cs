namespace Reconciler.Emulator.ControlPlane;

/// <summary>The bounded request log and the counters, behind their own lock so reading them never waits on state I/O.</summary>
internal sealed class RequestJournal(int capacity)
{
    private readonly object _gate = new();
    private readonly Queue<RequestRecord> _recent = new();
    private readonly Dictionary<string, long> _byOperation = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _byErrorCode = new(StringComparer.Ordinal);
    private long _requests;
    private long _mutating;
    private long _errors;

    public void Record(RequestRecord record)
    {
        lock (_gate)
        {
            if (capacity > 0)
            {
                if (_recent.Count == capacity) _recent.Dequeue();
                _recent.Enqueue(record);
            }
            _requests++;
            if (record.Mutating) _mutating++;
            _byOperation[record.Operation] = _byOperation.GetValueOrDefault(record.Operation) + 1;
            if (record.ErrorCode is { } code)
            {
                _errors++;
                _byErrorCode[code] = _byErrorCode.GetValueOrDefault(code) + 1;
            }
        }
    }

    public IReadOnlyList<RequestRecord> Recent
    {
        get { lock (_gate) return _recent.ToArray(); }
    }

    public ControlPlaneCounters Counters
    {
        get
        {
            lock (_gate)
            {
                return new ControlPlaneCounters(_requests, _mutating, _errors,
                    new Dictionary<string, long>(_byOperation), new Dictionary<string, long>(_byErrorCode));
            }
        }
    }
}
