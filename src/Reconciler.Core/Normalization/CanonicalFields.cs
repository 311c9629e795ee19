using System.Globalization;
using System.Text.Json.Nodes;
using Reconciler.Core.Model;

namespace Reconciler.Core.Normalization;

/// <summary>
/// A mapping configuration flattened into its comparable leaves: spec path as written in manifests
/// (scalingConfig.maximumConcurrency) to a canonical JSON value. Absent, empty and echoed-empty values
/// ("", [], {}, {"OnFailure":{}}) have no entry, so they all equal "not given". Sets are sorted and deduplicated;
/// filter patterns are canonical JSON; timestamps are UTC instants at millisecond precision. Tags are not
/// fields here (they are diffed on their own). Defaults are not filled in: see <see cref="DocumentedDefaults"/>.
/// </summary>
public static class CanonicalFields
{
    public static SortedDictionary<string, JsonNode> Of(MappingConfiguration c, string? functionArn)
    {
        var f = new SortedDictionary<string, JsonNode>(StringComparer.Ordinal);
        void Put(string path, JsonNode? value)
        {
            if (value is not null) f[path] = value;
        }

        Put("functionName", Text(functionArn));
        Put("eventSourceArn", Text(c.EventSourceArn));
        Put("enabled", JsonValue.Create(c.Enabled));
        Put("batchSize", JsonValue.Create(c.BatchSize));
        Put("filterCriteria.filters", StringSet(c.FilterCriteria?.Filters?
            .Where(filter => filter.Pattern is not null)
            .Select(filter => CanonicalJson.Canonicalize(filter.Pattern!))));
        Put("kmsKeyArn", Text(c.KmsKeyArn));
        Put("metricsConfig.metrics", StringSet(c.MetricsConfig?.Metrics));
        Put("loggingConfig.systemLogLevel", Text(c.LoggingConfig?.SystemLogLevel));
        Put("scalingConfig.maximumConcurrency", JsonValue.Create(c.ScalingConfig?.MaximumConcurrency));
        Put("maximumBatchingWindowInSeconds", JsonValue.Create(c.MaximumBatchingWindowInSeconds));
        Put("parallelizationFactor", JsonValue.Create(c.ParallelizationFactor));
        Put("startingPosition", Text(c.StartingPosition));
        Put("startingPositionTimestamp", Instant(c.StartingPositionTimestamp));
        Put("destinationConfig.onFailure.destination", Text(c.DestinationConfig?.OnFailure?.Destination));
        Put("destinationConfig.onSuccess.destination", Text(c.DestinationConfig?.OnSuccess?.Destination));
        Put("maximumRecordAgeInSeconds", JsonValue.Create(c.MaximumRecordAgeInSeconds));
        Put("bisectBatchOnFunctionError", JsonValue.Create(c.BisectBatchOnFunctionError));
        Put("maximumRetryAttempts", JsonValue.Create(c.MaximumRetryAttempts));
        Put("tumblingWindowInSeconds", JsonValue.Create(c.TumblingWindowInSeconds));
        Put("topics", StringSet(c.Topics));
        Put("queues", StringSet(c.Queues));
        Put("sourceAccessConfigurations", ObjectSet(c.SourceAccessConfigurations?
            .Select(s => TypeUri(s.Type, s.Uri))));
        foreach (var (key, servers) in c.SelfManagedEventSource?.Endpoints ?? new Dictionary<string, IReadOnlyList<string>>())
            Put($"selfManagedEventSource.endpoints.{key}", StringSet(servers));
        Put("functionResponseTypes", StringSet(c.FunctionResponseTypes));
        PutKafka("amazonManagedKafkaEventSourceConfig", c.AmazonManagedKafkaEventSourceConfig, Put);
        PutKafka("selfManagedKafkaEventSourceConfig", c.SelfManagedKafkaEventSourceConfig, Put);
        Put("documentDBEventSourceConfig.databaseName", Text(c.DocumentDBEventSourceConfig?.DatabaseName));
        Put("documentDBEventSourceConfig.collectionName", Text(c.DocumentDBEventSourceConfig?.CollectionName));
        Put("documentDBEventSourceConfig.fullDocument", Text(c.DocumentDBEventSourceConfig?.FullDocument));
        Put("provisionedPollerConfig.minimumPollers", JsonValue.Create(c.ProvisionedPollerConfig?.MinimumPollers));
        Put("provisionedPollerConfig.maximumPollers", JsonValue.Create(c.ProvisionedPollerConfig?.MaximumPollers));
        Put("provisionedPollerConfig.pollerGroupName", Text(c.ProvisionedPollerConfig?.PollerGroupName));
        return f;
    }

    /// <summary>The top-level spec member a path belongs to (scalingConfig for scalingConfig.maximumConcurrency).</summary>
    public static string MemberOf(string path)
    {
        var dot = path.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? path : path[..dot];
    }

    /// <summary>UTC, millisecond precision: the API carries epoch seconds with a fraction, so finer digits do not survive.</summary>
    public static JsonNode? Instant(DateTimeOffset? value) =>
        value is { } v
            ? JsonValue.Create(DateTimeOffset.FromUnixTimeMilliseconds(v.ToUnixTimeMilliseconds())
                .ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture))
            : null;

    private static void PutKafka(string prefix, KafkaEventSourceConfig? config, Action<string, JsonNode?> put)
    {
        put($"{prefix}.consumerGroupId", Text(config?.ConsumerGroupId));
        var registry = config?.SchemaRegistryConfig;
        put($"{prefix}.schemaRegistryConfig.schemaRegistryUri", Text(registry?.SchemaRegistryUri));
        put($"{prefix}.schemaRegistryConfig.eventRecordFormat", Text(registry?.EventRecordFormat));
        put($"{prefix}.schemaRegistryConfig.accessConfigs", ObjectSet(registry?.AccessConfigs?.Select(a => TypeUri(a.Type, a.Uri))));
        put($"{prefix}.schemaRegistryConfig.schemaValidationConfigs", ObjectSet(registry?.SchemaValidationConfigs?
            .Select(v => new JsonObject { ["attribute"] = v.Attribute })));
    }

    private static JsonObject TypeUri(string? type, string? uri) => new() { ["type"] = type, ["uri"] = uri };

    private static JsonNode? Text(string? value) => string.IsNullOrEmpty(value) ? null : JsonValue.Create(value);

    private static JsonNode? StringSet(IEnumerable<string>? values)
    {
        var items = values?.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return items is null || items.Count == 0 ? null : new JsonArray([.. items.Select(v => (JsonNode)JsonValue.Create(v))]);
    }

    private static JsonNode? ObjectSet(IEnumerable<JsonObject>? values)
    {
        var items = values?
            .Select(v => v.ToJsonString())
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        return items is null || items.Count == 0 ? null : new JsonArray([.. items.Select(text => JsonNode.Parse(text))]);
    }
}
