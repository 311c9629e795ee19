using System.Text.Json;
using Reconciler.Core.Model;

namespace Esmctl.Aws;

/// <summary>
/// Reads EventSourceMappingConfiguration (and the List and ListTags responses) into domain values. Members the
/// model does not have, or that a server sends with an unexpected JSON kind, are ignored rather than fatal:
/// emulators and newer service versions send more than this client knows.
/// </summary>
internal static class MappingResponseJson
{
    public static LiveMapping Mapping(JsonElement e)
    {
        if (e.ValueKind != JsonValueKind.Object)
            throw new JsonException("an event source mapping must be a JSON object");
        var state = Str(e, "State") ?? "";
        return new LiveMapping
        {
            Uuid = Str(e, "UUID") ?? throw new JsonException("the event source mapping has no UUID"),
            EventSourceMappingArn = Str(e, "EventSourceMappingArn") ?? "",
            FunctionArn = Str(e, "FunctionArn") ?? "",
            State = state,
            StateTransitionReason = Str(e, "StateTransitionReason"),
            LastModified = Time(e, "LastModified"),
            LastProcessingResult = Str(e, "LastProcessingResult"),
            FilterCriteriaError = Obj(e, "FilterCriteriaError") is { } err
                ? new FilterCriteriaError(Str(err, "ErrorCode"), Str(err, "Message")) : null,
            Configuration = Configuration(e),
        };
    }

    public static (IReadOnlyList<LiveMapping> Mappings, string? NextMarker) Page(JsonElement e)
    {
        var items = Arr(e, "EventSourceMappings")?.Select(Mapping).ToList() ?? [];
        var marker = Str(e, "NextMarker");
        return (items, string.IsNullOrEmpty(marker) ? null : marker);
    }

    public static IReadOnlyDictionary<string, string> Tags(JsonElement e) =>
        Obj(e, "Tags") is { } tags ? StringMap(tags) : new Dictionary<string, string>();

    // The response carries no Enabled (the engine derives it from State), no FunctionName (FunctionArn stands in)
    // and no Tags (ListTags is the source of those).
    private static MappingConfiguration Configuration(JsonElement e) => new()
    {
        FunctionName = Str(e, "FunctionArn"),
        EventSourceArn = Str(e, "EventSourceArn"),
        BatchSize = Int(e, "BatchSize"),
        FilterCriteria = Obj(e, "FilterCriteria") is { } fc
            ? new FilterCriteria(Arr(fc, "Filters")?.Select(f => new Filter(Str(f, "Pattern"))).ToList()) : null,
        KmsKeyArn = Str(e, "KMSKeyArn"),
        MetricsConfig = Obj(e, "MetricsConfig") is { } mc ? new MetricsConfig(Strings(mc, "Metrics")) : null,
        LoggingConfig = Obj(e, "LoggingConfig") is { } lc ? new LoggingConfig(Str(lc, "SystemLogLevel")) : null,
        ScalingConfig = Obj(e, "ScalingConfig") is { } sc ? new ScalingConfig(Int(sc, "MaximumConcurrency")) : null,
        MaximumBatchingWindowInSeconds = Int(e, "MaximumBatchingWindowInSeconds"),
        ParallelizationFactor = Int(e, "ParallelizationFactor"),
        StartingPosition = Str(e, "StartingPosition"),
        StartingPositionTimestamp = Time(e, "StartingPositionTimestamp"),
        DestinationConfig = Obj(e, "DestinationConfig") is { } dc
            ? new DestinationConfig(
                Obj(dc, "OnFailure") is { } f ? new OnFailure(Str(f, "Destination")) : null,
                Obj(dc, "OnSuccess") is { } s ? new OnSuccess(Str(s, "Destination")) : null)
            : null,
        MaximumRecordAgeInSeconds = Int(e, "MaximumRecordAgeInSeconds"),
        BisectBatchOnFunctionError = Bool(e, "BisectBatchOnFunctionError"),
        MaximumRetryAttempts = Int(e, "MaximumRetryAttempts"),
        TumblingWindowInSeconds = Int(e, "TumblingWindowInSeconds"),
        Topics = Strings(e, "Topics"),
        Queues = Strings(e, "Queues"),
        SourceAccessConfigurations = Arr(e, "SourceAccessConfigurations")?
            .Select(a => new SourceAccessConfiguration(Str(a, "Type"), Str(a, "URI"))).ToList(),
        SelfManagedEventSource = Obj(e, "SelfManagedEventSource") is { } sm
            ? new SelfManagedEventSource(Obj(sm, "Endpoints") is { } ep
                ? ep.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.Array)
                    .ToDictionary(p => p.Name, p => (IReadOnlyList<string>)StringItems(p.Value))
                : null)
            : null,
        FunctionResponseTypes = Strings(e, "FunctionResponseTypes"),
        AmazonManagedKafkaEventSourceConfig = Kafka(Obj(e, "AmazonManagedKafkaEventSourceConfig")),
        SelfManagedKafkaEventSourceConfig = Kafka(Obj(e, "SelfManagedKafkaEventSourceConfig")),
        DocumentDBEventSourceConfig = Obj(e, "DocumentDBEventSourceConfig") is { } d
            ? new DocumentDBEventSourceConfig(Str(d, "DatabaseName"), Str(d, "CollectionName"), Str(d, "FullDocument"))
            : null,
        ProvisionedPollerConfig = Obj(e, "ProvisionedPollerConfig") is { } p
            ? new ProvisionedPollerConfig(Int(p, "MinimumPollers"), Int(p, "MaximumPollers"), Str(p, "PollerGroupName"))
            : null,
    };

    private static KafkaEventSourceConfig? Kafka(JsonElement? k) => k is not { } kafka ? null
        : new KafkaEventSourceConfig(
            Str(kafka, "ConsumerGroupId"),
            Obj(kafka, "SchemaRegistryConfig") is { } r
                ? new KafkaSchemaRegistryConfig(
                    Str(r, "SchemaRegistryURI"),
                    Str(r, "EventRecordFormat"),
                    Arr(r, "AccessConfigs")?.Select(a => new KafkaSchemaRegistryAccessConfig(Str(a, "Type"), Str(a, "URI"))).ToList(),
                    Arr(r, "SchemaValidationConfigs")?.Select(v => new KafkaSchemaValidationConfig(Str(v, "Attribute"))).ToList())
                : null);

    private static JsonElement? Member(JsonElement e, string name, JsonValueKind kind) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var value) && value.ValueKind == kind ? value : null;

    private static string? Str(JsonElement e, string name) => Member(e, name, JsonValueKind.String)?.GetString();

    private static JsonElement? Obj(JsonElement e, string name) => Member(e, name, JsonValueKind.Object);

    private static IEnumerable<JsonElement>? Arr(JsonElement e, string name) =>
        Member(e, name, JsonValueKind.Array)?.EnumerateArray().Where(i => i.ValueKind == JsonValueKind.Object);

    private static int? Int(JsonElement e, string name) =>
        Member(e, name, JsonValueKind.Number) is { } n && n.TryGetInt32(out var i) ? i : null;

    private static bool? Bool(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind is JsonValueKind.True or JsonValueKind.False
            ? v.GetBoolean() : null;

    /// <summary>Epoch seconds as the model says; an ISO-8601 string is accepted too, as some emulators send one.</summary>
    private static DateTimeOffset? Time(JsonElement e, string name)
    {
        if (Member(e, name, JsonValueKind.Number) is { } n && n.TryGetDouble(out var seconds)) return EpochSeconds.To(seconds);
        if (Str(e, name) is { } text && DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.AssumeUniversal, out var parsed)) return parsed;
        return null;
    }

    private static List<string>? Strings(JsonElement e, string name) =>
        Member(e, name, JsonValueKind.Array) is { } a ? StringItems(a) : null;

    private static List<string> StringItems(JsonElement array) =>
        array.EnumerateArray().Where(i => i.ValueKind == JsonValueKind.String).Select(i => i.GetString()!).ToList();

    private static Dictionary<string, string> StringMap(JsonElement obj) =>
        obj.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.String)
            .ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal);
}
