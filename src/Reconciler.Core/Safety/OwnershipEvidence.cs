using Reconciler.Core.Planning;

namespace Reconciler.Core.Safety;

/// <summary>
/// What a run knows about one existing mapping when it is about to write to it: its tags, and whether they were read
/// in this run (ReadThisRun: a one-shot apply's own ListTags, or one made just before the write) rather than carried in
/// (a daemon's cache from an earlier tick, a saved file); and its natural key as last listed or got in this run.
/// </summary>
public sealed record OwnershipEvidence(
    string Uuid,
    IReadOnlyDictionary<string, string> Tags,
    bool ReadThisRun,
    NaturalKey? LiveKey = null)
{
    public string? Owner => Ownership.OwnerOf(Tags);

    public string? Name => Ownership.NameOf(Tags);
}
