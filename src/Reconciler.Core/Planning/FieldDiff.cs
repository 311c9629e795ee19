using System.Text.Json.Nodes;
using Reconciler.Core.Model;
using Reconciler.Core.Normalization;

namespace Reconciler.Core.Planning;

/// <summary>
/// The differing fields of a manifest and its live mapping, after both are normalised: canonical fields, documented
/// defaults filled on each side, and the values no plan can act on set aside with a warning (ones the API cannot
/// clear, an enabled state in transition, a consumer group ID AWS assigned). Set aside means not compared, so
/// the next plan does not flap either.
/// </summary>
public static class FieldDiff
{
    /// <summary>Members the API documents no clearing value for; "omitted in the manifest" cannot be made true.</summary>
    private static readonly string[] Unclearable =
    [
        "loggingConfig",
        "provisionedPollerConfig",
        "documentDBEventSourceConfig",
        "amazonManagedKafkaEventSourceConfig.schemaRegistryConfig",
        "selfManagedKafkaEventSourceConfig.schemaRegistryConfig",
        "destinationConfig.onSuccess",
    ];

    private static readonly HashSet<string> CreateOnly = new(StringComparer.Ordinal)
    {
        "eventSourceArn", "startingPosition", "startingPositionTimestamp", "topics", "queues",
        "amazonManagedKafkaEventSourceConfig.consumerGroupId", "selfManagedKafkaEventSourceConfig.consumerGroupId",
    };

    public static (IReadOnlyList<FieldChange> Changes, IReadOnlyList<string> Warnings) Compare(
        MappingConfiguration desired, string desiredFunctionArn, LiveMapping live)
    {
        var want = CanonicalFields.Of(desired, desiredFunctionArn);
        var enabledVerdict = MappingStates.IsEnabled(live.State);
        var have = CanonicalFields.Of(live.Configuration with { Enabled = enabledVerdict }, live.FunctionArn);
        var warnings = new List<string>();
        var kind = EventSource.KindOf(desired);

        var unclearable = DocumentedDefaults.MaximumBatchingWindowInSeconds(kind) is null
            ? Unclearable.Append("maximumBatchingWindowInSeconds")
            : Unclearable;
        foreach (var member in unclearable)
        {
            var held = have.Keys.Where(k => IsUnder(k, member)).ToList();
            if (held.Count == 0 || want.Keys.Any(k => IsUnder(k, member))) continue;
            // A whole-seconds field can show the 500 ms default only as 0: that is the default, not a leftover.
            var isDefault = member == "maximumBatchingWindowInSeconds" && have[member].GetValue<int>() == 0;
            if (!isDefault) warnings.Add(member == "maximumBatchingWindowInSeconds"
                ? $"{member}: the manifest omits it but the mapping has {have[member]}; the API cannot restore the 500 ms default, so it stays (recreate the mapping to restore it)"
                : $"{member}: the manifest omits it but the mapping has it set; the API documents no way to remove it, so it stays (recreate the mapping to remove it)");
            foreach (var key in held) have.Remove(key);
        }

        // Without a consumer group ID in the manifest AWS picks one; what it picked is not a difference.
        foreach (var path in new[] { "amazonManagedKafkaEventSourceConfig.consumerGroupId", "selfManagedKafkaEventSourceConfig.consumerGroupId" })
            if (!want.ContainsKey(path)) have.Remove(path);
        // Likewise the starting position of Kafka and DocumentDB, optional there (recorded: TRIM_HORIZON for self-managed Kafka).
        if (kind is SourceKind.Msk or SourceKind.SelfManagedKafka or SourceKind.DocumentDb && !want.ContainsKey("startingPosition")) have.Remove("startingPosition");

        DocumentedDefaults.Fill(want, kind);
        DocumentedDefaults.Fill(have, EventSource.KindOf(live.Configuration));
        if (enabledVerdict is null)
        {
            // Creating or Updating: the state says nothing about enabled yet.
            want.Remove("enabled");
            have.Remove("enabled");
        }

        var changes = want.Keys.Union(have.Keys)
            .Order(StringComparer.Ordinal)
            .Select(path => (path, before: have.GetValueOrDefault(path), after: want.GetValueOrDefault(path)))
            .Where(f => !JsonNode.DeepEquals(f.before, f.after))
            .Select(f => new FieldChange(f.path, f.before?.DeepClone(), f.after?.DeepClone(), ForcesReplacement(f.path, f.before, f.after)))
            .ToList();
        return (changes, warnings);
    }

    /// <summary>Create-only fields, and a change of the VIRTUAL_HOST entry, which Update may not carry.</summary>
    public static bool ForcesReplacement(string path, JsonNode? before, JsonNode? after) =>
        CreateOnly.Contains(path)
        || path.StartsWith("selfManagedEventSource.", StringComparison.Ordinal)
        || (path == "sourceAccessConfigurations" && VirtualHosts(before) != VirtualHosts(after));

    private static string VirtualHosts(JsonNode? accessConfigurations) =>
        string.Join('\n', (accessConfigurations as JsonArray ?? [])
            .Where(n => n?["type"]?.GetValue<string>() == "VIRTUAL_HOST")
            .Select(n => n!["uri"]?.GetValue<string>() ?? ""));

    private static bool IsUnder(string path, string member) =>
        path == member || path.StartsWith(member + ".", StringComparison.Ordinal);
}
