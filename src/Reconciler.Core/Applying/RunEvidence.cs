using System.Collections.Concurrent;
using Reconciler.Core.Live;
using Reconciler.Core.Model;
using Reconciler.Core.Planning;
using Reconciler.Core.Safety;

namespace Reconciler.Core.Applying;

/// <summary>
/// What this run has read of the mappings it writes to: the live state it planned from (mappings as listed, and the
/// tags that read fetched itself) and whatever the applier read since. Tags carried in from a cache or from a saved
/// file are not evidence, and tags this run read are evidence only until they are older than
/// <see cref="ApplyOptions.TagEvidenceMaxAge"/> at the moment of the write: an apply runs for minutes (replacements
/// waiting for Deleting to end, busy mappings, a person at the prompt before it), and a write late in it must not be
/// decided from a read at its start. Older tags are read again before writing. Shared by the concurrent actions of one
/// apply, hence the concurrent dictionaries.
/// </summary>
internal sealed class RunEvidence
{
    private readonly TimeProvider _time;
    private readonly TimeSpan _maxAge;
    private readonly ConcurrentDictionary<string, LiveMapping> _mappings = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (IReadOnlyDictionary<string, string> Tags, DateTimeOffset ReadAt)> _tags =
        new(StringComparer.Ordinal);

    public RunEvidence(LiveState live, TimeProvider time, TimeSpan maxAge)
    {
        _time = time;
        _maxAge = maxAge;
        foreach (var mapping in live.Mappings) _mappings[mapping.Uuid] = mapping;
        // A read that does not say when it began is taken as made when the apply starts (never later).
        var readAt = live.ReadAt ?? time.GetUtcNow();
        foreach (var uuid in live.TagsReadNow)
        {
            if (live.Tags.TryGetValue(uuid, out var tags)) _tags[uuid] = (tags, readAt);
        }
    }

    /// <summary>The mapping as this run last listed or got it; null when this run has not seen it.</summary>
    public LiveMapping? Mapping(string uuid) => _mappings.GetValueOrDefault(uuid);

    public void Saw(LiveMapping mapping) => _mappings[mapping.Uuid] = mapping;

    /// <summary>Records tags just read (ListTags) for the write about to be made, and returns them as its evidence: a
    /// read made for this very write counts for it, however small the allowed age.</summary>
    public OwnershipEvidence ReadTags(string uuid, IReadOnlyDictionary<string, string> tags)
    {
        _tags[uuid] = (tags, _time.GetUtcNow());
        return new OwnershipEvidence(uuid, tags, ReadThisRun: true, Key(uuid));
    }

    /// <summary>The evidence for the gate now. Tags not read in this run, or read longer ago than the allowed age, are
    /// given as empty and not read in this run, so the gate asks for a read. An allowed age of zero takes no earlier read,
    /// even one the clock cannot tell from now (a coarse or stopped clock).</summary>
    public OwnershipEvidence For(string uuid) =>
        _tags.TryGetValue(uuid, out var read) && _maxAge > TimeSpan.Zero && _time.GetUtcNow() - read.ReadAt <= _maxAge
            ? new OwnershipEvidence(uuid, read.Tags, ReadThisRun: true, Key(uuid))
            : new OwnershipEvidence(uuid, new Dictionary<string, string>(), ReadThisRun: false, Key(uuid));

    private NaturalKey? Key(string uuid) => _mappings.TryGetValue(uuid, out var mapping) ? NaturalKey.OfLive(mapping) : null;
}
