namespace Reconciler.Emulator.Http;

/// <summary>The HTTP face's bounded log of recent requests, oldest first, readable in process and over
/// GET /_emulator/requests.</summary>
public sealed class HttpRequestLog(int capacity)
{
    private readonly object _gate = new();
    private readonly Queue<HttpRequestRecord> _recent = new();

    public void Add(HttpRequestRecord record)
    {
        lock (_gate)
        {
            if (capacity <= 0) return;
            if (_recent.Count == capacity) _recent.Dequeue();
            _recent.Enqueue(record);
        }
    }

    public IReadOnlyList<HttpRequestRecord> Snapshot()
    {
        lock (_gate) return _recent.ToArray();
    }

    public void Clear()
    {
        lock (_gate) _recent.Clear();
    }

    public int Count(string operation) => Snapshot().Count(r => r.Operation == operation);
}
