using System.Text.Json.Nodes;
using Reconciler.Emulator.ApiModel;

namespace Reconciler.Emulator.ControlPlane;

/// <summary>
/// How UpdateEventSourceMapping changes a mapping, for every member of the model's update request: an absent member
/// changes nothing, a present one replaces the stored value, and an empty one ({}, [], "", see <see cref="JsonTree"/>)
/// removes it. Two documented immutables inside updatable structures are kept: a Kafka ConsumerGroupId ("you cannot
/// update this value") and the VIRTUAL_HOST entries of SourceAccessConfigurations (which Update may not carry).
/// LoggingConfig has no removal: its one member, SystemLogLevel, is DEBUG, INFO or WARN with no "off", and neither the
/// model, the API reference, the logging guide, a recording nor another tool shows a request that removes it (see
/// docs/aws.md), so an empty LoggingConfig changes nothing here; esmctl's field table says the same ("cannot").
/// </summary>
internal static class UpdateMerge
{
    /// <summary>Members of the update request that are not settings of the mapping.</summary>
    private static readonly HashSet<string> NotSettings = new(StringComparer.Ordinal) { "UUID", "FunctionName", "Enabled" };

    private static readonly string[] KafkaConfigs = ["AmazonManagedKafkaEventSourceConfig", "SelfManagedKafkaEventSourceConfig"];

    public const string VirtualHost = "VIRTUAL_HOST";

    private const string LoggingConfig = "LoggingConfig";

    public static JsonObject Apply(JsonObject current, JsonObject changes, ModelShape updateRequest)
    {
        var merged = (JsonObject)current.DeepClone();
        foreach (var member in updateRequest.Members)
        {
            if (NotSettings.Contains(member.Name) || changes[member.Name] is not { } change) continue;
            merged[member.Name] = member.Name switch
            {
                _ when KafkaConfigs.Contains(member.Name) => KeepConsumerGroup(current[member.Name] as JsonObject, change, member.Name),
                "SourceAccessConfigurations" => KeepVirtualHosts(current[member.Name] as JsonArray, change),
                LoggingConfig when JsonTree.IsEmpty(change) => current[member.Name]?.DeepClone(),
                _ => change.DeepClone(),
            };
        }
        return JsonTree.Pruned(merged);
    }

    private static JsonNode KeepConsumerGroup(JsonObject? current, JsonNode change, string member)
    {
        var kept = (JsonObject)change.DeepClone();
        var group = current is null ? null : JsonTree.Text(current, "ConsumerGroupId");
        var asked = JsonTree.Text(kept, "ConsumerGroupId");
        if (asked is not null && asked != group)
            throw ApiErrors.InvalidParameter(
                $"{member}.ConsumerGroupId cannot be updated (current: '{group}', requested: '{asked}'). Delete the event source mapping and create a new one.");
        if (group is not null) kept["ConsumerGroupId"] = group;
        return kept;
    }

    private static JsonNode KeepVirtualHosts(JsonArray? current, JsonNode change)
    {
        var hosts = (current ?? []).Where(IsVirtualHost).Select(e => e!.DeepClone());
        var others = change is JsonArray list ? list.Where(e => !IsVirtualHost(e)).Select(e => e!.DeepClone()) : [];
        return new JsonArray(hosts.Concat(others).ToArray());
    }

    public static bool IsVirtualHost(JsonNode? entry) => entry is JsonObject o && JsonTree.Text(o, "Type") == VirtualHost;
}
