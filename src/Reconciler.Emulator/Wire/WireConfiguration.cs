using System.Text.Json;
using System.Text.Json.Nodes;
using Reconciler.Core.Model;

namespace Reconciler.Emulator.Wire;

/// <summary>
/// The one place the emulator names the members of a mapping: between the engine's <see cref="MappingConfiguration"/>
/// and JSON with the API model's member names (KMSKeyArn, URI, SchemaRegistryURI ...), both ways. Requests arrive and
/// stored mappings are kept in that JSON form, so validation, defaults, merging and persistence read the model rather
/// than these names; a test holds both directions to the model's shapes. Independent of the AWS client's JSON.
/// </summary>
internal static class WireConfiguration
{
    /// <summary>Every member that is not null, under its wire name. A record whose members are all null becomes {}
    /// (how a request clears a structure), an empty list [].</summary>
    public static JsonObject Write(MappingConfiguration c) => Object(
        ("FunctionName", c.FunctionName),
        ("EventSourceArn", c.EventSourceArn),
        ("Enabled", c.Enabled),
        ("BatchSize", c.BatchSize),
        ("FilterCriteria", c.FilterCriteria is { } f ? Object(("Filters", List(f.Filters, x => Object(("Pattern", x.Pattern))))) : null),
        ("KMSKeyArn", c.KmsKeyArn),
        ("MetricsConfig", c.MetricsConfig is { } m ? Object(("Metrics", Strings(m.Metrics))) : null),
        ("LoggingConfig", c.LoggingConfig is { } l ? Object(("SystemLogLevel", l.SystemLogLevel)) : null),
        ("ScalingConfig", c.ScalingConfig is { } s ? Object(("MaximumConcurrency", s.MaximumConcurrency)) : null),
        ("MaximumBatchingWindowInSeconds", c.MaximumBatchingWindowInSeconds),
        ("ParallelizationFactor", c.ParallelizationFactor),
        ("StartingPosition", c.StartingPosition),
        ("StartingPositionTimestamp", c.StartingPositionTimestamp is { } at ? JsonValue.Create(at.ToUnixTimeMilliseconds() / 1000m) : null),
        ("DestinationConfig", c.DestinationConfig is { } d ? Object(
            ("OnSuccess", d.OnSuccess is { } success ? Object(("Destination", success.Destination)) : null),
            ("OnFailure", d.OnFailure is { } failure ? Object(("Destination", failure.Destination)) : null)) : null),
        ("MaximumRecordAgeInSeconds", c.MaximumRecordAgeInSeconds),
        ("BisectBatchOnFunctionError", c.BisectBatchOnFunctionError),
        ("MaximumRetryAttempts", c.MaximumRetryAttempts),
        ("Tags", c.Tags is { } tags ? new JsonObject(tags.Select(t => KeyValuePair.Create(t.Key, (JsonNode?)JsonValue.Create(t.Value)))) : null),
        ("TumblingWindowInSeconds", c.TumblingWindowInSeconds),
        ("Topics", Strings(c.Topics)),
        ("Queues", Strings(c.Queues)),
        ("SourceAccessConfigurations", List(c.SourceAccessConfigurations, a => Object(("Type", a.Type), ("URI", a.Uri)))),
        ("SelfManagedEventSource", c.SelfManagedEventSource is { } source ? Object(("Endpoints", source.Endpoints is { } endpoints
            ? new JsonObject(endpoints.Select(e => KeyValuePair.Create(e.Key, (JsonNode?)Strings(e.Value))))
            : null)) : null),
        ("FunctionResponseTypes", Strings(c.FunctionResponseTypes)),
        ("AmazonManagedKafkaEventSourceConfig", Kafka(c.AmazonManagedKafkaEventSourceConfig)),
        ("SelfManagedKafkaEventSourceConfig", Kafka(c.SelfManagedKafkaEventSourceConfig)),
        ("DocumentDBEventSourceConfig", c.DocumentDBEventSourceConfig is { } doc
            ? Object(("DatabaseName", doc.DatabaseName), ("CollectionName", doc.CollectionName), ("FullDocument", doc.FullDocument))
            : null),
        ("ProvisionedPollerConfig", c.ProvisionedPollerConfig is { } p
            ? Object(("MinimumPollers", p.MinimumPollers), ("MaximumPollers", p.MaximumPollers), ("PollerGroupName", p.PollerGroupName))
            : null));

    /// <summary>Reads a request body or a stored mapping. Members this reader does not know are added to
    /// <paramref name="unknown"/> (dotted paths); a member of the wrong JSON type is a <see cref="WireFormatException"/>.</summary>
    public static MappingConfiguration Read(JsonElement root, List<string> unknown)
    {
        var o = WireObject.From(root, "", unknown) ?? throw new WireFormatException("The request body must be a JSON object.");
        var configuration = new MappingConfiguration
        {
            FunctionName = o.String("FunctionName"),
            EventSourceArn = o.String("EventSourceArn"),
            Enabled = o.Boolean("Enabled"),
            BatchSize = o.Integer("BatchSize"),
            FilterCriteria = Read(o.Object("FilterCriteria"), f => new FilterCriteria(f.Objects("Filters", p => Read(p, x => new Filter(x.String("Pattern")))!))),
            KmsKeyArn = o.String("KMSKeyArn"),
            MetricsConfig = Read(o.Object("MetricsConfig"), m => new MetricsConfig(m.Strings("Metrics"))),
            LoggingConfig = Read(o.Object("LoggingConfig"), l => new LoggingConfig(l.String("SystemLogLevel"))),
            ScalingConfig = Read(o.Object("ScalingConfig"), s => new ScalingConfig(s.Integer("MaximumConcurrency"))),
            MaximumBatchingWindowInSeconds = o.Integer("MaximumBatchingWindowInSeconds"),
            ParallelizationFactor = o.Integer("ParallelizationFactor"),
            StartingPosition = o.String("StartingPosition"),
            StartingPositionTimestamp = WireRead.Timestamp(o["StartingPositionTimestamp"], "StartingPositionTimestamp"),
            DestinationConfig = Read(o.Object("DestinationConfig"), d => new DestinationConfig(
                Read(d.Object("OnFailure"), f => new OnFailure(f.String("Destination"))),
                Read(d.Object("OnSuccess"), s => new OnSuccess(s.String("Destination"))))),
            MaximumRecordAgeInSeconds = o.Integer("MaximumRecordAgeInSeconds"),
            BisectBatchOnFunctionError = o.Boolean("BisectBatchOnFunctionError"),
            MaximumRetryAttempts = o.Integer("MaximumRetryAttempts"),
            Tags = WireRead.Map(o["Tags"], "Tags", WireRead.RequiredString),
            TumblingWindowInSeconds = o.Integer("TumblingWindowInSeconds"),
            Topics = o.Strings("Topics"),
            Queues = o.Strings("Queues"),
            SourceAccessConfigurations = o.Objects("SourceAccessConfigurations", a => Read(a, x => new SourceAccessConfiguration(x.String("Type"), x.String("URI")))!),
            SelfManagedEventSource = Read(o.Object("SelfManagedEventSource"), s => new SelfManagedEventSource(
                WireRead.Map(s["Endpoints"], s.PathOf("Endpoints"), (e, path) =>
                    WireRead.List(e, path, WireRead.RequiredString) ?? throw new WireFormatException($"{path} must be a list, not null.")))),
            FunctionResponseTypes = o.Strings("FunctionResponseTypes"),
            AmazonManagedKafkaEventSourceConfig = Read(o.Object("AmazonManagedKafkaEventSourceConfig"), Kafka),
            SelfManagedKafkaEventSourceConfig = Read(o.Object("SelfManagedKafkaEventSourceConfig"), Kafka),
            DocumentDBEventSourceConfig = Read(o.Object("DocumentDBEventSourceConfig"), d =>
                new DocumentDBEventSourceConfig(d.String("DatabaseName"), d.String("CollectionName"), d.String("FullDocument"))),
            ProvisionedPollerConfig = Read(o.Object("ProvisionedPollerConfig"), p =>
                new ProvisionedPollerConfig(p.Integer("MinimumPollers"), p.Integer("MaximumPollers"), p.String("PollerGroupName"))),
        };
        o.Finish();
        return configuration;
    }

    /// <summary>Reads JSON the control plane wrote itself; an unknown member there is a bug, not input.</summary>
    public static MappingConfiguration Read(JsonObject stored)
    {
        var unknown = new List<string>();
        var configuration = Read(JsonSerializer.SerializeToElement(stored), unknown);
        if (unknown.Count > 0) throw new InvalidOperationException($"Stored mapping has members no reader knows: {string.Join(", ", unknown)}");
        return configuration;
    }

    private static KafkaEventSourceConfig Kafka(WireObject k) => new(
        k.String("ConsumerGroupId"),
        Read(k.Object("SchemaRegistryConfig"), r => new KafkaSchemaRegistryConfig(
            r.String("SchemaRegistryURI"),
            r.String("EventRecordFormat"),
            r.Objects("AccessConfigs", a => Read(a, x => new KafkaSchemaRegistryAccessConfig(x.String("Type"), x.String("URI")))!),
            r.Objects("SchemaValidationConfigs", v => Read(v, x => new KafkaSchemaValidationConfig(x.String("Attribute")))!))));

    private static JsonObject? Kafka(KafkaEventSourceConfig? k) => k is null ? null : Object(
        ("ConsumerGroupId", k.ConsumerGroupId),
        ("SchemaRegistryConfig", k.SchemaRegistryConfig is { } r ? Object(
            ("SchemaRegistryURI", r.SchemaRegistryUri),
            ("EventRecordFormat", r.EventRecordFormat),
            ("AccessConfigs", List(r.AccessConfigs, a => Object(("Type", a.Type), ("URI", a.Uri)))),
            ("SchemaValidationConfigs", List(r.SchemaValidationConfigs, v => Object(("Attribute", v.Attribute))))) : null));

    /// <summary>Reads a structure's members, then notes the ones it did not know.</summary>
    private static T? Read<T>(WireObject? o, Func<WireObject, T> read) where T : class
    {
        if (o is null) return null;
        var value = read(o);
        o.Finish();
        return value;
    }

    private static JsonArray? Strings(IEnumerable<string>? values) =>
        values is null ? null : new JsonArray(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());

    private static JsonArray? List<T>(IEnumerable<T>? values, Func<T, JsonNode> item) =>
        values is null ? null : new JsonArray(values.Select(v => (JsonNode?)item(v)).ToArray());

    private static JsonObject Object(params (string Name, object? Value)[] members) => WireJson.Object(members);
}
