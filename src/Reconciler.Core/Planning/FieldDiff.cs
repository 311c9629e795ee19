using System.Text.Json.Nodes;
using Reconciler.Core.Fields;
using Reconciler.Core.Model;
using Reconciler.Core.Normalization;

namespace Reconciler.Core.Planning;

/// <summary>
/// The differing fields of a manifest and its live mapping, after both are normalised, field by field from the field
/// table: canonical fields, then the values no plan can act on set aside (a member the source kind does not accept,
/// a value the service assigned, one the API cannot clear, an enabled state in transition), then documented defaults
/// filled on each side. Set aside means not compared, so the next plan does not flap either; where the manifest asks
/// for something that cannot happen, a warning says so.
/// </summary>
public static class FieldDiff
{
    public static (IReadOnlyList<FieldChange> Changes, IReadOnlyList<string> Warnings) Compare(
        MappingConfiguration desired, string desiredFunctionArn, LiveMapping live) =>
        Compare(desired, desiredFunctionArn, live, MappingFields.Table);

    public static (IReadOnlyList<FieldChange> Changes, IReadOnlyList<string> Warnings) Compare(
        MappingConfiguration desired, string desiredFunctionArn, LiveMapping live, FieldTable fields)
    {
        var want = CanonicalFields.Of(desired, desiredFunctionArn, fields);
        var enabledVerdict = MappingStates.IsEnabled(live.State);
        var have = CanonicalFields.Of(live.Configuration with { Enabled = enabledVerdict }, live.FunctionArn, fields);
        var warnings = new List<string>();
        var kind = EventSource.KindOf(desired);
        var liveKind = EventSource.KindOf(live.Configuration);

        var given = new Leaves(want);
        var held = new Leaves(have);
        var comparison = fields.ComparisonFor(kind);
        foreach (var path in comparison.SetAside)
        {
            // What a server reports for a member this kind of source does not take is not the user's to manage; without a
            // value in the manifest the service picks one (a Kafka consumer group ID, the starting position of Kafka and
            // DocumentDB): what it picked is not a difference.
            SetAside(given, held, path);
        }
        foreach (var (field, cannot) in comparison.Unclearable)
        {
            var left = SetAside(given, held, field.Path);
            // A whole-seconds field can show the 500 ms default only as 0: that is the default, not a leftover.
            if (left.Count > 0 && !DocumentedDefaults.AreDefaults(left, liveKind, fields))
            {
                var shown = field.Kind == FieldKind.Scalar && left.Count == 1 ? left[0].Value.ToJsonString() : "it set";
                warnings.Add($"{field.Path}: the manifest omits it but the mapping has {shown}; {cannot.Reason}");
            }
        }

        DocumentedDefaults.Fill(want, kind, fields);
        DocumentedDefaults.Fill(have, liveKind, fields);
        if (enabledVerdict is null)
        {
            // Creating or Updating: the state says nothing about enabled yet.
            want.Remove("enabled");
            have.Remove("enabled");
        }

        var changes = new List<FieldChange>();
        foreach (var path in SortedUnion(want.Keys, have.Keys))
        {
            var before = have.GetValueOrDefault(path);
            var after = want.GetValueOrDefault(path);
            if (JsonNode.DeepEquals(before, after)) continue;
            changes.Add(new FieldChange(path, before?.DeepClone(), after?.DeepClone(), ForcesReplacement(path, before, after, fields)));
        }
        return (changes, warnings);
    }

    /// <summary>Both sides' paths in ordinal order, each once (both are sorted already).</summary>
    private static IEnumerable<string> SortedUnion(SortedDictionary<string, JsonNode>.KeyCollection a, SortedDictionary<string, JsonNode>.KeyCollection b)
    {
        using var left = a.GetEnumerator();
        using var right = b.GetEnumerator();
        bool hasLeft = left.MoveNext(), hasRight = right.MoveNext();
        while (hasLeft || hasRight)
        {
            var order = !hasLeft ? 1 : !hasRight ? -1 : string.CompareOrdinal(left.Current, right.Current);
            if (order <= 0)
            {
                yield return left.Current;
                hasLeft = left.MoveNext();
                if (order == 0) hasRight = right.MoveNext();
            }
            else
            {
                yield return right.Current;
                hasRight = right.MoveNext();
            }
        }
    }

    public static bool ForcesReplacement(string path, JsonNode? before, JsonNode? after) =>
        ForcesReplacement(path, before, after, MappingFields.Table);

    /// <summary>Create-only fields (and whatever is inside one), and a change of the VIRTUAL_HOST entry, which Update may not carry.</summary>
    public static bool ForcesReplacement(string path, JsonNode? before, JsonNode? after, FieldTable fields) =>
        fields.Along(path).Any(f => f.CreateOnly)
        || (path == "sourceAccessConfigurations" && VirtualHosts(before) != VirtualHosts(after));

    /// <summary>Removes the live side's leaves under the path when the manifest has none there; returns what was removed.</summary>
    private static IReadOnlyList<KeyValuePair<string, JsonNode>> SetAside(Leaves want, Leaves have, string path) =>
        want.Any(path) || !have.Any(path) ? [] : have.Remove(path);

    /// <summary>The canonical fields of one side, with a fast "is anything at or under this path" over their sorted keys.</summary>
    private sealed class Leaves(SortedDictionary<string, JsonNode> fields)
    {
        private string[] _keys = [.. fields.Keys];

        public bool Any(string path)
        {
            var at = Array.BinarySearch(_keys, path, StringComparer.Ordinal);
            if (at >= 0) return true;
            // The first key at or after "path." (found without building that string: every field of every pair asks).
            Span<char> prefix = path.Length < 256 ? stackalloc char[path.Length + 1] : new char[path.Length + 1];
            path.CopyTo(prefix);
            prefix[^1] = '.';
            int low = 0, high = _keys.Length;
            while (low < high)
            {
                var middle = (low + high) >>> 1;
                if (_keys[middle].AsSpan().SequenceCompareTo(prefix) < 0) low = middle + 1;
                else high = middle;
            }
            return low < _keys.Length && _keys[low].AsSpan().StartsWith(prefix, StringComparison.Ordinal);
        }

        public IReadOnlyList<KeyValuePair<string, JsonNode>> Remove(string path)
        {
            var removed = fields.Where(p => CanonicalFields.IsUnder(p.Key, path)).ToList();
            foreach (var (key, _) in removed) fields.Remove(key);
            _keys = [.. fields.Keys];
            return removed;
        }
    }

    private static string VirtualHosts(JsonNode? accessConfigurations) =>
        string.Join('\n', (accessConfigurations as JsonArray ?? [])
            .Where(n => n?["type"]?.GetValue<string>() == "VIRTUAL_HOST")
            .Select(n => n!["uri"]?.GetValue<string>() ?? ""));
}
