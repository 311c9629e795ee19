using System.Globalization;
using System.Text.Json.Nodes;
using Reconciler.Core.Model;
using YamlDotNet.Serialization;

namespace Reconciler.Core.Export;

/// <summary>
/// Writes one EventSourceMapping manifest: the schema modeline, apiVersion, kind, metadata and spec, with members in
/// the order of the API (function and source first), absent and empty values left out, and filter patterns as YAML
/// mappings rather than JSON text, as people write them.
/// </summary>
public static class ManifestYaml
{
    public const string SchemaModeline = "# yaml-language-server: $schema=https://esmctl.dev/schemas/eventsourcemapping.v1.schema.json";

    private static readonly ISerializer Serializer = new SerializerBuilder()
        .WithQuotingNecessaryStrings()
        .WithIndentedSequences()
        .Build();

    public static string Write(string name, string? region, string? account, MappingConfiguration spec, string? comment = null)
    {
        var metadata = new Dictionary<string, object?> { ["name"] = name };
        if (region is not null) metadata["region"] = region;
        if (account is not null) metadata["account"] = account;
        var document = new Dictionary<string, object?>
        {
            ["apiVersion"] = "esmctl/v1",
            ["kind"] = "EventSourceMapping",
            ["metadata"] = metadata,
            ["spec"] = Spec(spec),
        };
        var header = SchemaModeline + "\n" + (comment is null ? "" : $"# {comment}\n");
        return header + Serializer.Serialize(document).Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    private static Dictionary<string, object?> Spec(MappingConfiguration c)
    {
        var spec = new Dictionary<string, object?>();
        void Put(string key, object? value)
        {
            if (Present(value)) spec[key] = value;
        }

        Put("functionName", c.FunctionName);
        Put("eventSourceArn", c.EventSourceArn);
        Put("enabled", c.Enabled);
        Put("batchSize", c.BatchSize);
        Put("filterCriteria", Map(("filters", c.FilterCriteria?.Filters?
            .Where(f => f.Pattern is not null)
            .Select(f => (object?)Map(("pattern", FromJson(JsonNode.Parse(f.Pattern!))))).ToList())));
        Put("kmsKeyArn", c.KmsKeyArn);
        Put("metricsConfig", Map(("metrics", c.MetricsConfig?.Metrics)));
        Put("loggingConfig", Map(("systemLogLevel", c.LoggingConfig?.SystemLogLevel)));
        Put("scalingConfig", Map(("maximumConcurrency", c.ScalingConfig?.MaximumConcurrency)));
        Put("maximumBatchingWindowInSeconds", c.MaximumBatchingWindowInSeconds);
        Put("parallelizationFactor", c.ParallelizationFactor);
        Put("startingPosition", c.StartingPosition);
        Put("startingPositionTimestamp", c.StartingPositionTimestamp?.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
        Put("destinationConfig", Map(
            ("onFailure", Map(("destination", c.DestinationConfig?.OnFailure?.Destination))),
            ("onSuccess", Map(("destination", c.DestinationConfig?.OnSuccess?.Destination)))));
        Put("maximumRecordAgeInSeconds", c.MaximumRecordAgeInSeconds);
        Put("bisectBatchOnFunctionError", c.BisectBatchOnFunctionError);
        Put("maximumRetryAttempts", c.MaximumRetryAttempts);
        Put("tumblingWindowInSeconds", c.TumblingWindowInSeconds);
        Put("topics", c.Topics);
        Put("queues", c.Queues);
        Put("sourceAccessConfigurations", c.SourceAccessConfigurations?.Select(a => (object?)Map(("type", a.Type), ("uri", a.Uri))).ToList());
        Put("selfManagedEventSource", Map(("endpoints", c.SelfManagedEventSource?.Endpoints?
            .OrderBy(e => e.Key, StringComparer.Ordinal)
            .ToDictionary(e => e.Key, e => (object?)e.Value.ToList()))));
        Put("functionResponseTypes", c.FunctionResponseTypes);
        Put("amazonManagedKafkaEventSourceConfig", Kafka(c.AmazonManagedKafkaEventSourceConfig));
        Put("selfManagedKafkaEventSourceConfig", Kafka(c.SelfManagedKafkaEventSourceConfig));
        Put("documentDBEventSourceConfig", Map(
            ("databaseName", c.DocumentDBEventSourceConfig?.DatabaseName),
            ("collectionName", c.DocumentDBEventSourceConfig?.CollectionName),
            ("fullDocument", c.DocumentDBEventSourceConfig?.FullDocument)));
        Put("provisionedPollerConfig", Map(
            ("minimumPollers", c.ProvisionedPollerConfig?.MinimumPollers),
            ("maximumPollers", c.ProvisionedPollerConfig?.MaximumPollers),
            ("pollerGroupName", c.ProvisionedPollerConfig?.PollerGroupName)));
        Put("tags", c.Tags?.OrderBy(t => t.Key, StringComparer.Ordinal).ToDictionary(t => t.Key, t => (object?)t.Value));
        return spec;
    }

    private static Dictionary<string, object?>? Kafka(KafkaEventSourceConfig? k)
    {
        var registry = k?.SchemaRegistryConfig;
        return Map(
            ("consumerGroupId", k?.ConsumerGroupId),
            ("schemaRegistryConfig", Map(
                ("schemaRegistryUri", registry?.SchemaRegistryUri),
                ("eventRecordFormat", registry?.EventRecordFormat),
                ("accessConfigs", registry?.AccessConfigs?.Select(a => (object?)Map(("type", a.Type), ("uri", a.Uri))).ToList()),
                ("schemaValidationConfigs", registry?.SchemaValidationConfigs?.Select(v => (object?)Map(("attribute", v.Attribute))).ToList()))));
    }

    /// <summary>A mapping of the present members, or null when none is present (an empty structure is "not given").</summary>
    private static Dictionary<string, object?>? Map(params (string Key, object? Value)[] members)
    {
        var map = new Dictionary<string, object?>();
        foreach (var (key, value) in members)
            if (Present(value)) map[key] = value;
        return map.Count == 0 ? null : map;
    }

    private static bool Present(object? value) => value switch
    {
        null => false,
        string s => s.Length > 0,
        System.Collections.ICollection collection => collection.Count > 0,
        _ => true,
    };

    /// <summary>A filter pattern's JSON as plain YAML values (mappings, sequences, scalars).</summary>
    private static object? FromJson(JsonNode? node) => node switch
    {
        null => null,
        JsonObject o => o.ToDictionary(p => p.Key, p => FromJson(p.Value)),
        JsonArray a => a.Select(FromJson).ToList(),
        JsonValue v when v.TryGetValue<bool>(out var b) => b,
        JsonValue v when v.TryGetValue<long>(out var l) => l,
        JsonValue v when v.TryGetValue<decimal>(out var d) => d,
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        _ => node.ToJsonString(),
    };
}
