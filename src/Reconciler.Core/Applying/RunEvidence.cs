using System.Collections.Concurrent;
using Reconciler.Core.Live;
using Reconciler.Core.Model;
using Reconciler.Core.Planning;
using Reconciler.Core.Safety;

namespace Reconciler.Core.Applying;

/// <summary>
/// What this run has read of the mappings it writes to: the live state it planned from (mappings as listed, and the
/// tags that read fetched itself) and whatever the applier read since. Tags carried in from a cache, from a saved file,
/// or read longer ago than <see cref="ApplyOptions.TagEvidenceMaxAge"/> are not evidence: the applier reads them again
/// before writing. Shared by the concurrent actions of one apply, hence the concurrent dictionaries.
/// </summary>
internal sealed class RunEvidence
{
    private readonly ConcurrentDictionary<string, LiveMapping> _mappings = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, IReadOnlyDictionary<string, string>> _freshTags = new(StringComparer.Ordinal);

    public RunEvidence(LiveState live, bool planTagsStillFresh)
    {
        foreach (var mapping in live.Mappings) _mappings[mapping.Uuid] = mapping;
        if (!planTagsStillFresh) return;
        foreach (var uuid in live.TagsReadNow)
        {
            if (live.Tags.TryGetValue(uuid, out var tags)) _freshTags[uuid] = tags;
        }
    }

    /// <summary>The mapping as this run last listed or got it; null when this run has not seen it.</summary>
    public LiveMapping? Mapping(string uuid) => _mappings.GetValueOrDefault(uuid);

    public void Saw(LiveMapping mapping) => _mappings[mapping.Uuid] = mapping;

    public void ReadTags(string uuid, IReadOnlyDictionary<string, string> tags) => _freshTags[uuid] = tags;

    /// <summary>The evidence for the gate. Tags not read in this run are given as empty and not fresh, so the gate
    /// asks for a read.</summary>
    public OwnershipEvidence For(string uuid)
    {
        var key = _mappings.TryGetValue(uuid, out var mapping) ? NaturalKey.OfLive(mapping) : null;
        return _freshTags.TryGetValue(uuid, out var tags)
            ? new OwnershipEvidence(uuid, tags, ReadThisRun: true, key)
            : new OwnershipEvidence(uuid, new Dictionary<string, string>(), ReadThisRun: false, key);
    }
}
