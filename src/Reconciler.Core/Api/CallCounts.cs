namespace Reconciler.Core.Api;

/// <summary>What a run did through the port: the calls by operation and result (in a stable order), and what the
/// client's retry layer repeated. Part of every run's report: plan and apply --stats, the daemon's metrics.</summary>
public sealed record CallCounts(IReadOnlyList<ApiRequestCount> Requests, RetryCounts Retries)
{
    public static CallCounts None { get; } = new([], RetryCounts.None);

    public int Total => Requests.Sum(r => r.Count);

    /// <summary>Calls of one operation, whatever their result.</summary>
    public int Of(string operation) => Requests.Where(r => r.Operation == operation).Sum(r => r.Count);
}
