using Reconciler.Core.Api;
using Reconciler.Core.Model;

namespace Esmctl.Tests.Reliability;

/// <summary>Every mapping in a control plane with its tags, read directly (not through esmctl), and the checks
/// every reliability run ends with.</summary>
internal sealed record LiveInventory(IReadOnlyList<LiveInventory.Entry> Entries)
{
    public sealed record Entry(string Uuid, string State, string NaturalKey, MappingConfiguration Configuration, IReadOnlyDictionary<string, string> Tags)
    {
        public string? Owner => Tags.GetValueOrDefault(ManagedTags.ManagedBy);

        public string? Name => Tags.GetValueOrDefault(ManagedTags.Name);
    }

    public static async Task<LiveInventory> ReadAsync(ILambdaMappingApi api)
    {
        var entries = new List<Entry>();
        string? marker = null;
        do
        {
            var page = await api.ListAsync(new ListMappingsQuery(Marker: marker), CancellationToken.None);
            foreach (var m in page.Mappings)
            {
                var tags = await api.ListTagsAsync(m.EventSourceMappingArn, CancellationToken.None);
                entries.Add(new Entry(m.Uuid, m.State, KeyOf(m), m.Configuration, tags));
            }
            marker = page.NextMarker;
        }
        while (marker is not null);
        return new LiveInventory(entries);
    }

    public IReadOnlySet<string> Uuids => Entries.Select(e => e.Uuid).ToHashSet();

    public IReadOnlyList<Entry> OwnedBy(string owner) => Entries.Where(e => e.Owner == owner).ToList();

    /// <summary>No two mappings share a natural key (function, source, topic/queue), and no two of one owner share a
    /// manifest name: either would be a duplicate created by a retry or a race.</summary>
    public void AssertNoDuplicates()
    {
        var byKey = Entries.GroupBy(e => e.NaturalKey).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(byKey.Count == 0, "duplicate mappings for: " + string.Join(", ", byKey));
        var byName = Entries.Where(e => e.Owner is not null && e.Name is not null)
            .GroupBy(e => (e.Owner, e.Name)).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(byName.Count == 0, "duplicate mappings for manifest names: " + string.Join(", ", byName));
    }

    /// <summary>Exactly the desired manifests exist (and are not being deleted) under <paramref name="owner"/>, each with its batch size and
    /// starting position. <paramref name="orphansKept"/>: UUIDs of the owner's orphans left alone on purpose (no --prune).</summary>
    public void AssertMatches(IEnumerable<GeneratedMapping> desired, string owner = ManagedTags.DefaultOwner, IReadOnlySet<string>? orphansKept = null)
    {
        // A mapping in Deleting is gone as far as the desired state goes (esmctl's planner and AWS's create both treat
        // it so): a killed apply's committed delete can still be in its dwell when the next apply has converged.
        var owned = OwnedBy(owner)
            .Where(e => e.State != MappingStates.Deleting && orphansKept?.Contains(e.Uuid) != true)
            .ToDictionary(e => e.Name ?? e.Uuid);
        var wanted = desired.ToDictionary(m => m.Name);
        var missing = wanted.Keys.Except(owned.Keys).Order().ToList();
        var extra = owned.Keys.Except(wanted.Keys).Order().ToList();
        Assert.True(missing.Count == 0 && extra.Count == 0,
            $"owned mappings differ from the manifests: missing [{string.Join(", ", missing)}], extra [{string.Join(", ", extra)}]");
        foreach (var (name, m) in wanted)
        {
            var live = owned[name].Configuration;
            var batch = m.Small ? 5 : 10;
            Assert.True(live.BatchSize == batch, $"{name}: batch size {live.BatchSize}, manifest says {batch}");
            if (m.CanReplace)
                Assert.Equal(m.FromOldest ? "TRIM_HORIZON" : "LATEST", live.StartingPosition);
        }
    }

    private static string KeyOf(LiveMapping m)
    {
        var c = m.Configuration;
        var source = c.EventSourceArn ?? string.Join(",",
            (c.SelfManagedEventSource?.Endpoints ?? new Dictionary<string, IReadOnlyList<string>>()).SelectMany(e => e.Value).Order(StringComparer.Ordinal));
        return $"{m.FunctionArn}|{source}|{string.Join(",", c.Topics ?? [])}|{string.Join(",", c.Queues ?? [])}";
    }
}
