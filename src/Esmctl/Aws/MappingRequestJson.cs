using System.Text.Json.Nodes;
using Reconciler.Core.Model;

namespace Esmctl.Aws;

/// <summary>
/// Writes CreateEventSourceMappingRequest and UpdateEventSourceMappingRequest bodies with the member names of the
/// Lambda model (service-2.json), which are not always the domain's (KMSKeyArn, URI, SchemaRegistryURI).
/// A null domain member is left out, so Update changes only what it is given; an instance whose members are all
/// null becomes {}, which is how the API clears a structure.
/// </summary>
internal static class MappingRequestJson
{
    public static JsonObject ForCreate(MappingConfiguration c)
    {
        var body = new JsonObject();
        Add(body, "FunctionName", c.FunctionName);
        Add(body, "EventSourceArn", c.EventSourceArn);
        AddUpdatable(body, c);
        Add(body, "StartingPosition", c.StartingPosition);
        if (c.StartingPositionTimestamp is { } at) body["StartingPositionTimestamp"] = EpochSeconds.From(at);
        if (c.Tags is not null) body["Tags"] = StringMap(c.Tags);
        if (c.Topics is not null) body["Topics"] = Strings(c.Topics);
        if (c.Queues is not null) body["Queues"] = Strings(c.Queues);
        if (c.SelfManagedEventSource is not null) body["SelfManagedEventSource"] = SelfManaged(c.SelfManagedEventSource);
        return body;
    }

    /// <summary>Only the members UpdateEventSourceMappingRequest has: create-only members are never sent, because
    /// the service rejects them (the planner replaces a mapping to change them).</summary>
    public static JsonObject ForUpdate(MappingConfiguration c)
    {
        var body = new JsonObject();
        Add(body, "FunctionName", c.FunctionName);
        AddUpdatable(body, c);
        return body;
    }

    private static void AddUpdatable(JsonObject body, MappingConfiguration c)
    {
        if (c.Enabled is { } enabled) body["Enabled"] = enabled;
        Add(body, "BatchSize", c.BatchSize);
        if (c.FilterCriteria is not null) body["FilterCriteria"] = Filters(c.FilterCriteria);
        Add(body, "KMSKeyArn", c.KmsKeyArn);
        if (c.MetricsConfig is not null) body["MetricsConfig"] = Object(("Metrics", Strings(c.MetricsConfig.Metrics)));
        if (c.LoggingConfig is not null) body["LoggingConfig"] = Object(("SystemLogLevel", c.LoggingConfig.SystemLogLevel));
        if (c.ScalingConfig is not null) body["ScalingConfig"] = Object(("MaximumConcurrency", c.ScalingConfig.MaximumConcurrency));
        Add(body, "MaximumBatchingWindowInSeconds", c.MaximumBatchingWindowInSeconds);
        Add(body, "ParallelizationFactor", c.ParallelizationFactor);
        if (c.DestinationConfig is not null) body["DestinationConfig"] = Destinations(c.DestinationConfig);
        Add(body, "MaximumRecordAgeInSeconds", c.MaximumRecordAgeInSeconds);
        if (c.BisectBatchOnFunctionError is { } bisect) body["BisectBatchOnFunctionError"] = bisect;
        Add(body, "MaximumRetryAttempts", c.MaximumRetryAttempts);
        Add(body, "TumblingWindowInSeconds", c.TumblingWindowInSeconds);
        if (c.SourceAccessConfigurations is not null)
        {
            body["SourceAccessConfigurations"] = new JsonArray(c.SourceAccessConfigurations
                .Select(a => (JsonNode)Object(("Type", a.Type), ("URI", a.Uri))).ToArray());
        }
        if (c.FunctionResponseTypes is not null) body["FunctionResponseTypes"] = Strings(c.FunctionResponseTypes);
        if (c.AmazonManagedKafkaEventSourceConfig is not null)
            body["AmazonManagedKafkaEventSourceConfig"] = Kafka(c.AmazonManagedKafkaEventSourceConfig);
        if (c.SelfManagedKafkaEventSourceConfig is not null)
            body["SelfManagedKafkaEventSourceConfig"] = Kafka(c.SelfManagedKafkaEventSourceConfig);
        if (c.DocumentDBEventSourceConfig is { } docDb)
        {
            body["DocumentDBEventSourceConfig"] = Object(
                ("DatabaseName", docDb.DatabaseName), ("CollectionName", docDb.CollectionName), ("FullDocument", docDb.FullDocument));
        }
        if (c.ProvisionedPollerConfig is { } pollers)
        {
            body["ProvisionedPollerConfig"] = Object(
                ("MinimumPollers", pollers.MinimumPollers), ("MaximumPollers", pollers.MaximumPollers),
                ("PollerGroupName", pollers.PollerGroupName));
        }
    }

    private static JsonObject Filters(FilterCriteria criteria) =>
        Object(("Filters", criteria.Filters is null ? null
            : new JsonArray(criteria.Filters.Select(f => (JsonNode)Object(("Pattern", f.Pattern))).ToArray())));

    private static JsonObject Destinations(DestinationConfig d) => Object(
        ("OnSuccess", d.OnSuccess is null ? null : Object(("Destination", d.OnSuccess.Destination))),
        ("OnFailure", d.OnFailure is null ? null : Object(("Destination", d.OnFailure.Destination))));

    private static JsonObject Kafka(KafkaEventSourceConfig k) => Object(
        ("ConsumerGroupId", k.ConsumerGroupId),
        ("SchemaRegistryConfig", k.SchemaRegistryConfig is { } r ? Object(
            ("SchemaRegistryURI", r.SchemaRegistryUri),
            ("EventRecordFormat", r.EventRecordFormat),
            ("AccessConfigs", r.AccessConfigs is null ? null
                : new JsonArray(r.AccessConfigs.Select(a => (JsonNode)Object(("Type", a.Type), ("URI", a.Uri))).ToArray())),
            ("SchemaValidationConfigs", r.SchemaValidationConfigs is null ? null
                : new JsonArray(r.SchemaValidationConfigs.Select(v => (JsonNode)Object(("Attribute", v.Attribute))).ToArray())))
            : null));

    private static JsonObject SelfManaged(SelfManagedEventSource source)
    {
        var endpoints = source.Endpoints is null ? null
            : new JsonObject(source.Endpoints.Select(e => KeyValuePair.Create(e.Key, (JsonNode?)Strings(e.Value))));
        return Object(("Endpoints", endpoints));
    }

    private static JsonObject StringMap(IReadOnlyDictionary<string, string> map) =>
        new(map.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)JsonValue.Create(kv.Value))));

    private static JsonArray? Strings(IEnumerable<string>? values) =>
        values is null ? null : new JsonArray(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());

    /// <summary>An object of the members whose value is not null.</summary>
    private static JsonObject Object(params (string Name, object? Value)[] members)
    {
        var result = new JsonObject();
        foreach (var (name, value) in members)
        {
            switch (value)
            {
                case null: break;
                case JsonNode node: result[name] = node; break;
                case string s: result[name] = s; break;
                case int i: result[name] = i; break;
                default: throw new ArgumentException($"unsupported member type {value.GetType()}", name);
            }
        }
        return result;
    }

    private static void Add(JsonObject body, string name, string? value)
    {
        if (value is not null) body[name] = value;
    }

    private static void Add(JsonObject body, string name, int? value)
    {
        if (value is { } v) body[name] = v;
    }
}
