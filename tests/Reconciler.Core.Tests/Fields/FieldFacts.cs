using System.Text.Json.Nodes;
using Reconciler.Core.Fields;
using Reconciler.Core.Model;
using static Reconciler.Core.Model.SourceKind;

namespace Reconciler.Core.Tests.Fields;

/// <summary>
/// The facts about each member that the API model (service-2.json) does not carry: documented defaults per source
/// kind, how Update removes it, which source kinds accept it. Decided once, here, from the model's documentation,
/// the AWS API reference, and what the live service answered (tests/Reference and /work/shared/reference/aws-recorded,
/// recorded by LocalStack's test suite). <see cref="FieldTableGenerator"/> merges them with the model into
/// src/Reconciler.Core/Fields/mapping-fields.json. A member without facts is accepted by every kind, has no default and
/// cannot be cleared: the safe reading of a member nothing is known about yet.
/// </summary>
internal static class FieldFacts
{
    private static readonly SourceKind[] Every = [Sqs, Kinesis, DynamoDbStreams, Msk, SelfManagedKafka, AmazonMq, DocumentDb];
    private static readonly SourceKind[] Streams = [Kinesis, DynamoDbStreams];
    private static readonly SourceKind[] StreamsAndKafka = [Kinesis, DynamoDbStreams, Msk, SelfManagedKafka];
    private static readonly SourceKind[] Kafka = [Msk, SelfManagedKafka];

    public const string NoWayToRemove = "the API documents no way to remove it, so it stays (recreate the mapping to remove it)";

    public static IReadOnlyDictionary<string, FieldFact> ByWirePath { get; } = new Dictionary<string, FieldFact>(StringComparer.Ordinal)
    {
        ["FunctionName"] = new()
        {
            Compare = FieldComparison.FunctionArn,
            Clearing = Cannot("every manifest names its function"),
            Note = "The response has FunctionArn instead; a name or partial ARN is compared as that ARN.",
        },
        ["EventSourceArn"] = new()
        {
            AcceptedBy = [Sqs, Kinesis, DynamoDbStreams, Msk, AmazonMq, DocumentDb],
            Note = "Self-managed Kafka names its brokers in SelfManagedEventSource instead.",
        },
        ["Enabled"] = new()
        {
            Defaults = All(true),
            Clearing = new Clearing(ClearingKind.Default),
            Note = "Model: \"Default: True\". The response has no Enabled; it is read from State.",
        },
        ["BatchSize"] = new()
        {
            Defaults = Per((Sqs, 10), (Kinesis, 100), (DynamoDbStreams, 100), (Msk, 100), (SelfManagedKafka, 100), (AmazonMq, 100), (DocumentDb, 100)),
            Clearing = new Clearing(ClearingKind.Default),
            Note = "Model documentation; recorded: SQS answers 10, Kinesis and DynamoDB Streams 100, self-managed Kafka 100.",
        },
        ["FilterCriteria"] = new()
        {
            Clearing = Value(new JsonObject()),
            Note = "{} removes the filters (Terraform's provider: \"AWS ignores the removal if this is left as nil\"). Recorded: {\"Filters\": []} is accepted and the response then has no FilterCriteria.",
        },
        ["FilterCriteria.Filters[].Pattern"] = new()
        {
            JsonText = true,
            Note = "A JSON filter pattern, compared as canonical JSON.",
        },
        ["KMSKeyArn"] = new()
        {
            Clearing = Value(JsonValue.Create("")),
            Note = "The model's pattern allows \"\", which removes the key (filter criteria are then not encrypted).",
        },
        ["MetricsConfig"] = new()
        {
            Clearing = Value(new JsonObject { ["Metrics"] = new JsonArray() }),
            Note = "An empty list of metrics turns them off (Terraform's provider sends an empty MetricsConfig).",
        },
        ["LoggingConfig"] = new()
        {
            AcceptedBy = Kafka,
            Clearing = Cannot(NoWayToRemove),
            Note = "Model: Amazon MSK and self-managed Kafka only. Nothing shows a request that removes it: SystemLogLevel is DEBUG, INFO or WARN with no \"off\" (model, and Lambda's Kafka logging guide), no recording has one, Terraform's provider has no removal for it, and cdkd, checking every member's clearing value against UpdateEventSourceMapping, found none (go-to-k/cdkd#982); esmctl does not guess one, and the emulator keeps the level on an empty LoggingConfig (docs/aws.md).",
        },
        ["ScalingConfig"] = new()
        {
            AcceptedBy = [Sqs],
            Clearing = Value(new JsonObject()),
            Note = "Model: \"(Amazon SQS only) ... To remove the configuration, pass an empty value.\"",
        },
        ["MaximumBatchingWindowInSeconds"] = new()
        {
            Defaults = All(0),
            Clearing = new Clearing(ClearingKind.Default, Kinds: new HashSet<SourceKind> { Sqs, Kinesis, DynamoDbStreams },
                Reason: "the API cannot restore the 500 ms default, so it stays (recreate the mapping to restore it)"),
            Note = "SQS, Kinesis and DynamoDB Streams default to 0 s (recorded). MSK, Kafka, MQ and DocumentDB default to 500 ms, which whole seconds show as 0 (or not at all, as recorded for self-managed Kafka), and which Update cannot restore: \"you cannot revert back to the 500 ms default batching window\".",
        },
        ["ParallelizationFactor"] = new()
        {
            AcceptedBy = Streams,
            Defaults = Per((Kinesis, 1), (DynamoDbStreams, 1)),
            Clearing = new Clearing(ClearingKind.Default),
            Note = "Model: \"The default value is 1\" (Kinesis and DynamoDB only); recorded for both.",
        },
        ["StartingPosition"] = new()
        {
            AcceptedBy = [Kinesis, DynamoDbStreams, Msk, SelfManagedKafka, DocumentDb],
            Compare = FieldComparison.AssignedByService,
            AssignedFor = [Msk, SelfManagedKafka, DocumentDb],
            Defaults = Per((SelfManagedKafka, "TRIM_HORIZON")),
            Note = "Required for streams. Optional for Kafka and DocumentDB, where AWS picks one: recorded (2024-09), a self-managed Kafka mapping created without it answers TRIM_HORIZON; for MSK and DocumentDB nothing documents or shows the choice. Create-only, so what AWS picked is compared only when the manifest names a position: an omitted one never replaces a mapping.",
        },
        ["StartingPositionTimestamp"] = new()
        {
            AcceptedBy = [Kinesis, Msk, SelfManagedKafka, DocumentDb],
            Note = "Only with AT_TIMESTAMP, which the model allows for Kinesis, DocumentDB, MSK and self-managed Kafka.",
        },
        ["DestinationConfig"] = new()
        {
            AcceptedBy = StreamsAndKafka,
            Clearing = Value(new JsonObject()),
            Note = "Recorded: streams echo {\"OnFailure\": {}} when no destination is set, the same as none; SQS refuses it (400).",
        },
        ["DestinationConfig.OnSuccess"] = new()
        {
            Clearing = Cannot(NoWayToRemove),
            Note = "Model: \"Not supported in CreateEventSourceMapping or UpdateEventSourceMapping\".",
        },
        ["MaximumRecordAgeInSeconds"] = new()
        {
            AcceptedBy = StreamsAndKafka,
            Defaults = Per((Kinesis, -1), (DynamoDbStreams, -1), (Msk, -1), (SelfManagedKafka, -1)),
            Clearing = new Clearing(ClearingKind.Default),
            Note = "-1 (infinite), documented for streams, MSK and Kafka; recorded for streams.",
        },
        ["BisectBatchOnFunctionError"] = new()
        {
            AcceptedBy = StreamsAndKafka,
            Defaults = Per((Kinesis, false), (DynamoDbStreams, false), (Msk, false), (SelfManagedKafka, false)),
            Clearing = new Clearing(ClearingKind.Default),
            Note = "Model: \"The default value is false.\"; recorded for streams.",
        },
        ["MaximumRetryAttempts"] = new()
        {
            AcceptedBy = StreamsAndKafka,
            Defaults = Per((Kinesis, -1), (DynamoDbStreams, -1), (Msk, -1), (SelfManagedKafka, -1)),
            Clearing = new Clearing(ClearingKind.Default),
            Note = "-1 (infinite), documented for streams, MSK and Kafka; recorded for streams.",
        },
        ["Tags"] = new()
        {
            Compare = FieldComparison.Tags,
            Note = "Set by Create only, changed later with TagResource/UntagResource: diffed as tags, never sent by Update.",
        },
        ["TumblingWindowInSeconds"] = new()
        {
            AcceptedBy = Streams,
            Defaults = Per((Kinesis, 0), (DynamoDbStreams, 0)),
            Clearing = new Clearing(ClearingKind.Default),
            Note = "0 means no tumbling window (Kinesis and DynamoDB only); recorded for both.",
        },
        ["Topics"] = new() { AcceptedBy = Kafka, Note = "The Kafka topic." },
        ["Queues"] = new() { AcceptedBy = [AmazonMq], Note = "The Amazon MQ broker's destination queue." },
        ["SourceAccessConfigurations"] = new()
        {
            AcceptedBy = [Msk, SelfManagedKafka, AmazonMq, DocumentDb],
            Clearing = Value(new JsonArray()),
            Note = "An empty list removes them. A VIRTUAL_HOST entry cannot be sent to Update (model prose); the planner replaces the mapping to change it.",
        },
        ["SelfManagedEventSource"] = new() { AcceptedBy = [SelfManagedKafka], Note = "The Kafka bootstrap servers." },
        ["FunctionResponseTypes"] = new()
        {
            AcceptedBy = [Sqs, Kinesis, DynamoDbStreams, Msk, SelfManagedKafka],
            Clearing = Value(new JsonArray()),
            Note = "Recorded: SQS, Kinesis and DynamoDB Streams answer [] when none is set, the same as none.",
        },
        ["AmazonManagedKafkaEventSourceConfig"] = new()
        {
            AcceptedBy = [Msk],
            Clearing = Cannot(NoWayToRemove),
            Note = "Its consumer group ID is create-only and its schema registry cannot be removed.",
        },
        ["AmazonManagedKafkaEventSourceConfig.ConsumerGroupId"] = ConsumerGroup,
        ["AmazonManagedKafkaEventSourceConfig.SchemaRegistryConfig"] = SchemaRegistry,
        ["SelfManagedKafkaEventSourceConfig"] = new()
        {
            AcceptedBy = [SelfManagedKafka],
            Clearing = Cannot(NoWayToRemove),
            Note = "Its consumer group ID is create-only and its schema registry cannot be removed.",
        },
        ["SelfManagedKafkaEventSourceConfig.ConsumerGroupId"] = ConsumerGroup,
        ["SelfManagedKafkaEventSourceConfig.SchemaRegistryConfig"] = SchemaRegistry,
        ["DocumentDBEventSourceConfig"] = new()
        {
            AcceptedBy = [DocumentDb],
            DefaultsOnlyWhenGiven = true,
            Clearing = Cannot(NoWayToRemove),
            Note = "A DocumentDB mapping needs its database name; nothing documents removing the structure.",
        },
        ["DocumentDBEventSourceConfig.FullDocument"] = new()
        {
            Defaults = Per((DocumentDb, "Default")),
            Note = "\"Otherwise, DocumentDB sends only a partial document\": Default.",
        },
        ["ProvisionedPollerConfig"] = new()
        {
            AcceptedBy = [Sqs, Msk, SelfManagedKafka],
            DefaultsOnlyWhenGiven = true,
            Clearing = Value(new JsonObject()),
            Note = "{} turns provisioned mode off: Terraform's provider sends an empty ProvisionedPollerConfig to remove it (\"AWS ignores the removal if this is left as nil\"), and the Serverless Framework clears it the same way. Its members' defaults apply only in provisioned mode.",
        },
        ["ProvisionedPollerConfig.MinimumPollers"] = new()
        {
            Defaults = Per((Sqs, 2), (Msk, 1), (SelfManagedKafka, 1)),
            Note = "Model: \"For Amazon SQS events source mappings, default is 2 ... For Amazon MSK and self-managed Apache Kafka event source mappings, default is 1.\"",
        },
        ["ProvisionedPollerConfig.MaximumPollers"] = new()
        {
            Defaults = Per((Sqs, 200), (Msk, 200), (SelfManagedKafka, 200)),
            Note = "Model: \"default is 200\" for SQS, MSK and self-managed Kafka.",
        },
    };

    private static FieldFact ConsumerGroup => new()
    {
        CreateOnly = true,
        Compare = FieldComparison.AssignedByService,
        Note = "Model: \"After creating a Kafka event source mapping with the consumer group ID specified, you cannot update this value.\" Without one AWS assigns it: recorded for self-managed Kafka as the mapping's own UUID; the MSK parameter reference says \"a unique value\".",
    };

    private static FieldFact SchemaRegistry => new()
    {
        Clearing = Cannot(NoWayToRemove),
        Note = "Nothing documents or shows a request that removes a schema registry.",
    };

    private static Clearing Cannot(string reason) => new(ClearingKind.Cannot, Reason: reason);

    private static Clearing Value(JsonNode value) => new(ClearingKind.Value, value);

    private static Dictionary<SourceKind, JsonNode> All<T>(T value) => Every.ToDictionary(k => k, _ => (JsonNode)JsonValue.Create(value)!);

    private static Dictionary<SourceKind, JsonNode> Per<T>(params (SourceKind Kind, T Value)[] defaults) =>
        defaults.ToDictionary(d => d.Kind, d => (JsonNode)JsonValue.Create(d.Value)!);
}
