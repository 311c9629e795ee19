using Reconciler.Core.Live;
using Reconciler.Core.Manifests;
using Reconciler.Core.Model;

namespace Reconciler.Core.Planning;

/// <summary>
/// Desired mappings paired with live ones, pure. First by natural key (what AWS itself treats as the same mapping),
/// then, among the live mappings still unpaired, an owned one whose esmctl:name is the manifest's name, so a changed
/// function is an update and a changed source a replace rather than a create plus an orphan. Mappings in Deleting
/// state are gone and pair with nothing.
/// </summary>
public sealed record Pairing(IReadOnlyList<MappingPair> Pairs, IReadOnlyList<LiveMapping> UnpairedLive)
{
    public static Pairing Of(IReadOnlyList<DesiredMapping> desired, LiveState live, PlanOptions options)
    {
        var active = live.Mappings
            .Where(m => m.State != MappingStates.Deleting)
            .OrderBy(m => m.Uuid, StringComparer.Ordinal)
            .ToList();
        var byKey = new Dictionary<NaturalKey, LiveMapping>(active.Count);
        foreach (var mapping in active) byKey.TryAdd(NaturalKey.OfLive(mapping), mapping);

        var ordered = desired.OrderBy(d => d.Name, StringComparer.Ordinal).ToList();
        var paired = new Dictionary<DesiredMapping, MappingPair>(ordered.Count, ReferenceEqualityComparer.Instance);
        var taken = new HashSet<string>(Math.Min(ordered.Count, active.Count), StringComparer.Ordinal);

        var keys = new NaturalKey[ordered.Count];
        for (var i = 0; i < ordered.Count; i++)
        {
            var d = ordered[i];
            var key = keys[i] = NaturalKey.OfDesired(d.Spec, d.Account, d.Region, options);
            if (byKey.TryGetValue(key, out var match) && taken.Add(match.Uuid))
                paired[d] = new MappingPair(d, match, PairedBy.NaturalKey, key);
        }

        // Indexed by esmctl:name (UUID order kept) so this pass stays linear: scanning every live mapping for each
        // unpaired manifest was quadratic when many manifests are new and many mappings exist. Built only when some
        // manifest is still unpaired (not on a steady tick, where every manifest has its mapping).
        ILookup<string, LiveMapping>? ownedByName = null;
        for (var i = 0; i < ordered.Count; i++)
        {
            var d = ordered[i];
            if (paired.ContainsKey(d)) continue;
            ownedByName ??= active
                .Select(m => (Mapping: m, Tags: live.TagsOf(m.Uuid)))
                .Where(m => Ownership.IsOwnedBy(m.Tags, options.Owner) && Ownership.NameOf(m.Tags) is not null)
                .ToLookup(m => Ownership.NameOf(m.Tags)!, m => m.Mapping, StringComparer.Ordinal);
            var match = ownedByName[d.Name].FirstOrDefault(m => !taken.Contains(m.Uuid));
            if (match is not null && taken.Add(match.Uuid))
                paired[d] = new MappingPair(d, match, PairedBy.Name, keys[i]);
        }

        var pairs = new List<MappingPair>(ordered.Count);
        for (var i = 0; i < ordered.Count; i++)
            pairs.Add(paired.TryGetValue(ordered[i], out var pair) ? pair : new MappingPair(ordered[i], null, PairedBy.None, keys[i]));
        return new Pairing(pairs, [.. active.Where(m => !taken.Contains(m.Uuid))]);
    }
}
