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
    private const string EnabledPath = "enabled";

    public static (IReadOnlyList<FieldChange> Changes, IReadOnlyList<string> Warnings) Compare(
        MappingConfiguration desired, string desiredFunctionArn, LiveMapping live) =>
        Compare(desired, desiredFunctionArn, live, MappingFields.Table);

    public static (IReadOnlyList<FieldChange> Changes, IReadOnlyList<string> Warnings) Compare(
        MappingConfiguration desired, string desiredFunctionArn, LiveMapping live, FieldTable fields)
    {
        var want = CanonicalFields.Of(desired, desiredFunctionArn, fields);
        var enabledVerdict = MappingStates.IsEnabled(live.State);
        var have = CanonicalFields.Of(live.Configuration, live.FunctionArn, fields);
        // The live side's enabled is what its state says (the record's own flag is not what AWS reports): set here rather
        // than on a copy of the whole record.
        if (enabledVerdict is { } enabled && fields.At(EnabledPath) is not null) have.Set(EnabledPath, JsonValue.Create(enabled));
        else have.Remove(EnabledPath);
        List<string>? warnings = null;
        var kind = EventSource.KindOf(desired);
        var liveKind = EventSource.KindOf(live.Configuration);

        var comparison = fields.ComparisonFor(kind);
        foreach (var path in comparison.SetAside)
        {
            // What a server reports for a member this kind of source does not take is not the user's to manage; without a
            // value in the manifest the service picks one (a Kafka consumer group ID, the starting position of Kafka and
            // DocumentDB): what it picked is not a difference.
            SetAside(want, have, path);
        }
        foreach (var (field, cannot) in comparison.Unclearable)
        {
            var left = SetAside(want, have, field.Path);
            // A whole-seconds field can show the 500 ms default only as 0: that is the default, not a leftover.
            if (left.Count > 0 && !DocumentedDefaults.AreDefaults(left, liveKind, fields))
            {
                var shown = field.Kind == FieldKind.Scalar && left.Count == 1 ? left[0].Value.ToJsonString() : "it set";
                (warnings ??= []).Add($"{field.Path}: the manifest omits it but the mapping has {shown}; {cannot.Reason}");
            }
        }

        DocumentedDefaults.Fill(want, kind, fields);
        DocumentedDefaults.Fill(have, liveKind, fields);
        if (enabledVerdict is null)
        {
            // Creating or Updating: the state says nothing about enabled yet.
            want.Remove(EnabledPath);
            have.Remove(EnabledPath);
        }

        // Both sides are in ordinal order of their paths: walk them together, each path once.
        List<FieldChange>? changes = null;
        int w = 0, h = 0;
        while (w < want.Count || h < have.Count)
        {
            var order = w == want.Count ? 1 : h == have.Count ? -1 : string.CompareOrdinal(want.PathAt(w), have.PathAt(h));
            var path = order <= 0 ? want.PathAt(w) : have.PathAt(h);
            var after = order <= 0 ? want.ValueAt(w++) : null;
            var before = order >= 0 ? have.ValueAt(h++) : null;
            if (JsonNode.DeepEquals(before, after)) continue;
            (changes ??= []).Add(new FieldChange(path, before?.DeepClone(), after?.DeepClone(), ForcesReplacement(path, before, after, fields)));
        }
        // Lists only once something differs: an unchanged pair (nearly every pair of every daemon tick) allocates none.
        return (changes is null ? Array.Empty<FieldChange>() : changes, warnings is null ? Array.Empty<string>() : warnings);
    }

    public static bool ForcesReplacement(string path, JsonNode? before, JsonNode? after) =>
        ForcesReplacement(path, before, after, MappingFields.Table);

    /// <summary>Create-only fields (and whatever is inside one), and a change of the VIRTUAL_HOST entry, which Update may not carry.</summary>
    public static bool ForcesReplacement(string path, JsonNode? before, JsonNode? after, FieldTable fields) =>
        fields.Along(path).Any(f => f.CreateOnly)
        || (path == "sourceAccessConfigurations" && VirtualHosts(before) != VirtualHosts(after));

    /// <summary>Removes the live side's leaves under the path when the manifest has none there; returns what was removed.</summary>
    private static IReadOnlyList<KeyValuePair<string, JsonNode>> SetAside(CanonicalLeaves want, CanonicalLeaves have, string path) =>
        want.AnyUnder(path) || !have.AnyUnder(path) ? [] : have.RemoveUnder(path);

    private static string VirtualHosts(JsonNode? accessConfigurations) =>
        string.Join('\n', (accessConfigurations as JsonArray ?? [])
            .Where(n => n?["type"]?.GetValue<string>() == "VIRTUAL_HOST")
            .Select(n => n!["uri"]?.GetValue<string>() ?? ""));
}
