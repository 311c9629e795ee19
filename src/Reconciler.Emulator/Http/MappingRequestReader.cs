using System.Text.Json;
using Reconciler.Core.Model;

namespace Reconciler.Emulator.Http;

/// <summary>
/// Reads the body of CreateEventSourceMapping and UpdateEventSourceMapping, with the member names of the API model
/// (KMSKeyArn, URI, SchemaRegistryURI ...). Both read every Create member, so an Update that sends a create-only one
/// gets the control plane's precise error rather than silently losing it. An empty object ({}) stays an empty
/// structure: that is how Update clears ScalingConfig, FilterCriteria and DestinationConfig.
/// </summary>
internal static class MappingRequestReader
{
    public sealed record Result(MappingConfiguration Configuration, IReadOnlyList<string> UnknownMembers);

    public static Result Read(ReadOnlyMemory<byte> body)
    {
        if (body.IsEmpty) return new Result(new MappingConfiguration(), []);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException error)
        {
            throw new WireFormatException($"The request body is not valid JSON: {error.Message}");
        }
        using (document)
        {
            var unknown = new List<string>();
            var root = WireObject.From(document.RootElement, "", unknown)
                ?? throw new WireFormatException("The request body must be a JSON object.");
            return new Result(Configuration(root), unknown);
        }
    }

    private static MappingConfiguration Configuration(WireObject o)
    {
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

    private static KafkaEventSourceConfig Kafka(WireObject k) => new(
        k.String("ConsumerGroupId"),
        Read(k.Object("SchemaRegistryConfig"), r => new KafkaSchemaRegistryConfig(
            r.String("SchemaRegistryURI"),
            r.String("EventRecordFormat"),
            r.Objects("AccessConfigs", a => Read(a, x => new KafkaSchemaRegistryAccessConfig(x.String("Type"), x.String("URI")))!),
            r.Objects("SchemaValidationConfigs", v => Read(v, x => new KafkaSchemaValidationConfig(x.String("Attribute")))!))));

    /// <summary>Reads a structure's members, then notes the ones it did not know.</summary>
    private static T? Read<T>(WireObject? o, Func<WireObject, T> read) where T : class
    {
        if (o is null) return null;
        var value = read(o);
        o.Finish();
        return value;
    }
}
