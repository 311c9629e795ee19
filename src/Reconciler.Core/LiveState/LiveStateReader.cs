using System.Collections.Concurrent;
using Reconciler.Core.Api;
using Reconciler.Core.Model;

namespace Reconciler.Core.Live;

/// <summary>
/// Reads live state through the port: every page of ListEventSourceMappings, then ListTags per mapping (ownership
/// and user tags live only there) with bounded concurrency, and Get only where List cannot show a value: mappings
/// with a KMS key whose FilterCriteria List returned as null (the API hides encrypted filters in List).
/// A caller that keeps tags between reads (the daemon) passes them as known tags: ListTags is then called only
/// for mappings it does not know yet, so reading an unchanged account costs the List pages alone. Such carried tags are
/// not marked as read now (<see cref="LiveState.TagsReadNow"/>), so a write that depends on them reads them again first.
/// </summary>
public sealed class LiveStateReader
{
    /// <summary>The service's own page size; asking for more is ignored by AWS anyway.</summary>
    public const int PageSize = 100;

    /// <summary>A last resort against a server that sends fresh markers forever: 100 000 pages is 10 million mappings.</summary>
    public const int MaxPages = 100_000;

    private readonly ILambdaMappingApi _api;
    private readonly int _concurrency;
    private readonly TimeProvider? _time;

    /// <param name="time">Stamps <see cref="LiveState.ReadAt"/>, so a write long after the read (a person at the
    /// confirmation prompt) reads the tags it depends on again.</param>
    public LiveStateReader(ILambdaMappingApi api, int concurrency = 8, TimeProvider? time = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(concurrency, 1);
        _api = api;
        _concurrency = concurrency;
        _time = time;
    }

    public Task<LiveState> ReadAsync(CancellationToken cancellationToken) => ReadAsync(null, cancellationToken);

    /// <param name="knownTags">Tags by UUID the caller already holds and trusts; those mappings are not tag-read, and
    /// their entry is carried into the result as given. Entries for UUIDs List no longer returns are ignored. Null reads
    /// every mapping's tags.</param>
    public async Task<LiveState> ReadAsync(
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>? knownTags, CancellationToken cancellationToken)
    {
        var readAt = _time?.GetUtcNow();
        var notes = new ConcurrentQueue<string>();
        var (listed, pages) = await ListAllAsync(notes, cancellationToken).ConfigureAwait(false);

        var tags = new ConcurrentDictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        var readNow = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
        var fetched = new ConcurrentDictionary<string, LiveMapping>(StringComparer.Ordinal);
        var gone = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
        var tagCalls = 0;
        var getCalls = 0;

        // A mapping being deleted is gone for planning: its tags and filters are not needed.
        var active = listed.Where(m => m.State != MappingStates.Deleting).ToList();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = _concurrency, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(active, parallel, async (mapping, ct) =>
        {
            try
            {
                if (knownTags is not null && knownTags.TryGetValue(mapping.Uuid, out var known))
                {
                    tags[mapping.Uuid] = known;
                }
                else
                {
                    Interlocked.Increment(ref tagCalls);
                    tags[mapping.Uuid] = await _api.ListTagsAsync(mapping.EventSourceMappingArn, ct).ConfigureAwait(false);
                    readNow[mapping.Uuid] = true;
                }
                if (NeedsGet(mapping))
                {
                    Interlocked.Increment(ref getCalls);
                    fetched[mapping.Uuid] = await _api.GetAsync(mapping.Uuid, ct).ConfigureAwait(false);
                }
            }
            catch (LambdaApiException e) when (e.Is(LambdaErrorCodes.ResourceNotFound))
            {
                // Deleted between List and this call: it no longer exists, so it is not part of live state.
                gone[mapping.Uuid] = true;
                notes.Enqueue($"mapping {mapping.Uuid} disappeared while live state was read");
            }
        }).ConfigureAwait(false);

        var mappings = listed
            .Where(m => !gone.ContainsKey(m.Uuid))
            .Select(m => fetched.TryGetValue(m.Uuid, out var full) ? full : m)
            .ToList();
        return new LiveState(mappings, tags.Where(t => !gone.ContainsKey(t.Key)).ToDictionary(StringComparer.Ordinal))
        {
            Calls = new LiveStateCalls(pages, tagCalls, getCalls),
            Notes = [.. notes.Order(StringComparer.Ordinal)],
            ReadAt = readAt,
            TagsReadNow = readNow.Keys.Where(uuid => !gone.ContainsKey(uuid)).ToHashSet(StringComparer.Ordinal),
        };
    }

    /// <summary>List hides encrypted filter criteria (null with KMSKeyArn set); only Get shows the real value.</summary>
    public static bool NeedsGet(LiveMapping mapping) =>
        !string.IsNullOrEmpty(mapping.Configuration.KmsKeyArn) && mapping.Configuration.FilterCriteria is null;

    private async Task<(List<LiveMapping> Mappings, int Pages)> ListAllAsync(
        ConcurrentQueue<string> notes, CancellationToken cancellationToken)
    {
        var mappings = new List<LiveMapping>();
        var seenUuids = new HashSet<string>(StringComparer.Ordinal);
        var usedMarkers = new HashSet<string>(StringComparer.Ordinal);
        string? marker = null;
        var pages = 0;
        while (true)
        {
            var page = await _api.ListAsync(new ListMappingsQuery(Marker: marker, MaxItems: PageSize), cancellationToken)
                .ConfigureAwait(false);
            pages++;
            // A server that ignores MaxItems sends more than asked: keep them all. Repeats are dropped by UUID.
            var fresh = 0;
            foreach (var mapping in page.Mappings)
            {
                if (seenUuids.Add(mapping.Uuid))
                {
                    mappings.Add(mapping);
                    fresh++;
                }
            }

            if (string.IsNullOrEmpty(page.NextMarker)) break;
            if (!usedMarkers.Add(page.NextMarker))
            {
                notes.Enqueue($"ListEventSourceMappings repeated the marker '{page.NextMarker}'; stopped paging after {pages} pages");
                break;
            }
            if (fresh == 0 && page.Mappings.Count > 0)
            {
                notes.Enqueue($"ListEventSourceMappings sent a page of mappings already seen; stopped paging after {pages} pages");
                break;
            }
            if (pages >= MaxPages)
            {
                notes.Enqueue($"ListEventSourceMappings still had more after {pages} pages; stopped paging");
                break;
            }
            marker = page.NextMarker;
        }
        return (mappings, pages);
    }
}
