using Reconciler.Core.Api;
using Reconciler.Core.Model;

namespace Reconciler.Core.Tests.Live;

/// <summary>How the fake's ListEventSourceMappings misbehaves.</summary>
internal enum PagingBehaviour
{
    /// <summary>Pages of min(MaxItems, 100), NextMarker = offset of the next page.</summary>
    Faithful,
    /// <summary>Pages of <see cref="PagingFakeApi.IgnoredPageSize"/> whatever MaxItems says.</summary>
    IgnoresMaxItems,
    /// <summary>Every page after the first answers with the same marker again.</summary>
    RepeatsMarker,
    /// <summary>Every marker is new, but after the first page every page holds the first page again.</summary>
    FreshMarkersSamePage,
    /// <summary>Pages overlap by half a page (the list shifted under the reader).</summary>
    OverlappingPages,
    /// <summary>One page, whatever is left, and never a NextMarker.</summary>
    NeverSendsMarker,
}

/// <summary>
/// An in-test ILambdaMappingApi that serves a fixed list of mappings, misbehaves in paging as told, counts every
/// call and records how many ListTags calls were in flight at once. Only the reading operations are served.
/// </summary>
internal sealed class PagingFakeApi(IReadOnlyList<LiveMapping> mappings, PagingBehaviour behaviour) : ILambdaMappingApi
{
    /// <summary>Beyond this the reader is looping: fail the test instead of hanging it.</summary>
    private const int ListCallLimit = 1000;

    private int _inFlight;
    private int _maxInFlight;
    private int _listCalls;
    private int _listTagsCalls;
    private int _getCalls;

    public int IgnoredPageSize { get; init; } = 150;
    public Dictionary<string, IReadOnlyDictionary<string, string>> TagsByArn { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, LiveMapping> GetAnswers { get; } = new(StringComparer.Ordinal);
    public HashSet<string> GoneUuids { get; } = new(StringComparer.Ordinal);
    public List<int?> MaxItemsAsked { get; } = [];

    /// <summary>Awaited inside every ListTags call while it counts as in flight.</summary>
    public Func<Task> InsideListTags { get; set; } = () => Task.CompletedTask;

    public int ListCalls => _listCalls;
    public int ListTagsCalls => _listTagsCalls;
    public int GetCalls => _getCalls;
    public int MaxInFlight => Volatile.Read(ref _maxInFlight);
    public int InFlight => Volatile.Read(ref _inFlight);

    public Task<MappingPage> ListAsync(ListMappingsQuery query, CancellationToken cancellationToken)
    {
        if (Interlocked.Increment(ref _listCalls) > ListCallLimit) throw new InvalidOperationException("the reader keeps listing");
        MaxItemsAsked.Add(query.MaxItems);
        var offset = query.Marker is null ? 0 : int.Parse(query.Marker.Split('#')[0]);
        var size = Math.Min(query.MaxItems ?? 100, 100);
        MappingPage Page(int from, int count, string? next) =>
            new([.. mappings.Skip(from).Take(count)], next);
        string? NextAfter(int end) => end < mappings.Count ? end.ToString() : null;

        return Task.FromResult(behaviour switch
        {
            PagingBehaviour.Faithful => Page(offset, size, NextAfter(offset + size)),
            PagingBehaviour.IgnoresMaxItems => Page(offset, IgnoredPageSize, NextAfter(offset + IgnoredPageSize)),
            PagingBehaviour.RepeatsMarker => Page(offset, size, query.Marker ?? NextAfter(size)),
            PagingBehaviour.FreshMarkersSamePage => Page(0, size, $"{0}#{_listCalls}"),
            PagingBehaviour.OverlappingPages => Page(offset, size, NextAfter(offset + size) is null ? null : (offset + size / 2).ToString()),
            PagingBehaviour.NeverSendsMarker => Page(offset, mappings.Count, null),
            _ => throw new ArgumentOutOfRangeException(nameof(behaviour)),
        });
    }

    public async Task<IReadOnlyDictionary<string, string>> ListTagsAsync(string resourceArn, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _listTagsCalls);
        var now = Interlocked.Increment(ref _inFlight);
        int seen;
        while (now > (seen = Volatile.Read(ref _maxInFlight)) && Interlocked.CompareExchange(ref _maxInFlight, now, seen) != seen)
        {
        }
        try
        {
            await InsideListTags().ConfigureAwait(false);
            var uuid = resourceArn[(resourceArn.LastIndexOf(':') + 1)..];
            if (GoneUuids.Contains(uuid)) throw NotFound(uuid);
            return TagsByArn.TryGetValue(resourceArn, out var tags) ? tags : new Dictionary<string, string>();
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    public Task<LiveMapping> GetAsync(string uuid, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _getCalls);
        return GetAnswers.TryGetValue(uuid, out var mapping) ? Task.FromResult(mapping) : throw NotFound(uuid);
    }

    public Task<LiveMapping> CreateAsync(MappingConfiguration request, CancellationToken cancellationToken) => throw Unexpected();
    public Task<LiveMapping> UpdateAsync(string uuid, MappingConfiguration changes, CancellationToken cancellationToken) => throw Unexpected();
    public Task<LiveMapping> DeleteAsync(string uuid, CancellationToken cancellationToken) => throw Unexpected();
    public Task TagAsync(string resourceArn, IReadOnlyDictionary<string, string> tags, CancellationToken cancellationToken) => throw Unexpected();
    public Task UntagAsync(string resourceArn, IReadOnlyCollection<string> tagKeys, CancellationToken cancellationToken) => throw Unexpected();

    private static LambdaApiException NotFound(string uuid) =>
        new(LambdaErrorCodes.ResourceNotFound, $"The resource you requested does not exist. (Service: Lambda; UUID {uuid})", 404);

    private static InvalidOperationException Unexpected() => new("reading live state must not write");
}
