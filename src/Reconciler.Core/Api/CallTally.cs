namespace Reconciler.Core.Api;

/// <summary>
/// The one call counter of a run: <see cref="CountingLambdaApi"/> records every call through the port by operation and
/// result, and the AWS client's retry layer records what it repeated and gave up on. One tally per opened target,
/// so it belongs to a run: a one-shot command reads it at the end, the daemon takes it per tick (never a
/// process-wide total that grows forever). Thread-safe: the live-state reader and the applier call concurrently.
/// </summary>
public sealed class CallTally
{
    private readonly object _gate = new();
    private Dictionary<(string Operation, string Code), int> _requests = [];
    private int[] _retries = new int[Enum.GetValues<RetryCause>().Length];
    private int _gaveUp;

    public void Called(string operation, string code)
    {
        lock (_gate) _requests[(operation, code)] = _requests.GetValueOrDefault((operation, code)) + 1;
    }

    public void Retried(RetryCause cause)
    {
        lock (_gate) _retries[(int)cause]++;
    }

    public void GaveUp()
    {
        lock (_gate) _gaveUp++;
    }

    /// <summary>The counts so far.</summary>
    public CallCounts Snapshot()
    {
        lock (_gate) return Counts(_requests, _retries, _gaveUp);
    }

    /// <summary>The counts since the last take, starting afresh (the daemon's per-tick view).</summary>
    public CallCounts Take()
    {
        lock (_gate)
        {
            var counts = Counts(_requests, _retries, _gaveUp);
            _requests = [];
            _retries = new int[_retries.Length];
            _gaveUp = 0;
            return counts;
        }
    }

    private static CallCounts Counts(Dictionary<(string Operation, string Code), int> requests, int[] retries, int gaveUp) => new(
        [.. requests
            .OrderBy(c => c.Key.Operation, StringComparer.Ordinal)
            .ThenBy(c => c.Key.Code, StringComparer.Ordinal)
            .Select(c => new ApiRequestCount(c.Key.Operation, c.Key.Code, c.Value))],
        new RetryCounts(
            retries[(int)RetryCause.Throttled], retries[(int)RetryCause.ServiceError], retries[(int)RetryCause.Network],
            retries[(int)RetryCause.Propagation], gaveUp));
}
