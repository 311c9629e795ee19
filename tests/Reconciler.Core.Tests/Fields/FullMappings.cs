using Reconciler.Core.Model;

namespace Reconciler.Core.Tests.Fields;

/// <summary>Configurations that between them give every member of CreateEventSourceMapping a value, one per source kind
/// (each only with what its kind accepts), and one that gives every member at once regardless of kind.</summary>
internal static class FullMappings
{
    public const string Account = "123456789012";
    public const string Region = "us-east-1";

    public static MappingConfiguration Sqs { get; } = new()
    {
        FunctionName = "orders",
        EventSourceArn = "arn:aws:sqs:us-east-1:123456789012:orders",
        BatchSize = 50,
        MaximumBatchingWindowInSeconds = 5,
        FilterCriteria = new FilterCriteria([new Filter("{\"body\":{\"kind\":[\"order\"]}}"), new Filter("{\"body\":{\"kind\":[\"refund\"]}}")]),
        KmsKeyArn = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
        MetricsConfig = new MetricsConfig(["EventCount"]),
        ScalingConfig = new ScalingConfig(50),
        FunctionResponseTypes = ["ReportBatchItemFailures"],
        Tags = new Dictionary<string, string> { ["team"] = "payments" },
    };

    /// <summary>Provisioned mode instead of a concurrency limit: AWS refuses both at once.</summary>
    public static MappingConfiguration SqsProvisioned { get; } = Sqs with
    {
        EventSourceArn = "arn:aws:sqs:us-east-1:123456789012:provisioned",
        ScalingConfig = null,
        ProvisionedPollerConfig = new ProvisionedPollerConfig(3, 150, null),
    };

    public static MappingConfiguration Kinesis { get; } = new()
    {
        FunctionName = "clicks:live",
        EventSourceArn = "arn:aws:kinesis:us-east-1:123456789012:stream/clicks",
        Enabled = false,
        BatchSize = 500,
        MaximumBatchingWindowInSeconds = 2,
        StartingPosition = "AT_TIMESTAMP",
        StartingPositionTimestamp = DateTimeOffset.FromUnixTimeMilliseconds(1_569_284_520_333),
        ParallelizationFactor = 10,
        DestinationConfig = new DestinationConfig(new OnFailure("arn:aws:sqs:us-east-1:123456789012:clicks-dlq"), null),
        MaximumRecordAgeInSeconds = 3600,
        BisectBatchOnFunctionError = true,
        MaximumRetryAttempts = 3,
        TumblingWindowInSeconds = 900,
        FunctionResponseTypes = ["ReportBatchItemFailures"],
        MetricsConfig = new MetricsConfig(["EventCount"]),
    };

    public static MappingConfiguration DynamoDb { get; } = new()
    {
        FunctionName = "orders",
        EventSourceArn = "arn:aws:dynamodb:us-east-1:123456789012:table/orders/stream/2024-01-01T00:00:00.000",
        StartingPosition = "TRIM_HORIZON",
        MaximumRecordAgeInSeconds = 604800,
        MaximumRetryAttempts = 5,
        BisectBatchOnFunctionError = true,
        ParallelizationFactor = 2,
        TumblingWindowInSeconds = 60,
        DestinationConfig = new DestinationConfig(new OnFailure("arn:aws:sns:us-east-1:123456789012:orders-failures"), null),
    };

    public static MappingConfiguration Msk { get; } = new()
    {
        FunctionName = "orders",
        EventSourceArn = "arn:aws:kafka:us-east-1:123456789012:cluster/main/abcd1234-ab12-cd34-ef56-abcdef123456-1",
        Topics = ["orders"],
        StartingPosition = "LATEST",
        BatchSize = 1000,
        MaximumBatchingWindowInSeconds = 10,
        SourceAccessConfigurations = [new SourceAccessConfiguration("CLIENT_CERTIFICATE_TLS_AUTH", "arn:aws:secretsmanager:us-east-1:123456789012:secret:kafka-cert")],
        AmazonManagedKafkaEventSourceConfig = new KafkaEventSourceConfig("orders-consumer", new KafkaSchemaRegistryConfig(
            "arn:aws:glue:us-east-1:123456789012:registry/orders",
            "JSON",
            [],
            [new KafkaSchemaValidationConfig("KEY"), new KafkaSchemaValidationConfig("VALUE")])),
        LoggingConfig = new LoggingConfig("DEBUG"),
        MetricsConfig = new MetricsConfig(["EventCount", "ErrorCount", "KafkaMetrics"]),
        ProvisionedPollerConfig = new ProvisionedPollerConfig(1, 10, "orders-pollers"),
        DestinationConfig = new DestinationConfig(new OnFailure("kafka://orders-dlq"), null),
        MaximumRecordAgeInSeconds = 600,
        MaximumRetryAttempts = 2,
        BisectBatchOnFunctionError = true,
        FunctionResponseTypes = ["ReportBatchItemFailures"],
    };

    public static MappingConfiguration SelfManagedKafka { get; } = new()
    {
        FunctionName = "orders",
        SelfManagedEventSource = new SelfManagedEventSource(new Dictionary<string, IReadOnlyList<string>>
        {
            ["KAFKA_BOOTSTRAP_SERVERS"] = ["b-2.example.com:9092", "b-1.example.com:9092"],
        }),
        Topics = ["payments"],
        StartingPosition = "TRIM_HORIZON",
        SourceAccessConfigurations =
        [
            new SourceAccessConfiguration("SASL_SCRAM_512_AUTH", "arn:aws:secretsmanager:us-east-1:123456789012:secret:kafka"),
            new SourceAccessConfiguration("VPC_SUBNET", "subnet:subnet-0123456789abcdef0"),
        ],
        SelfManagedKafkaEventSourceConfig = new KafkaEventSourceConfig("payments-consumer", new KafkaSchemaRegistryConfig(
            "https://schema-registry.example.com",
            "SOURCE",
            [new KafkaSchemaRegistryAccessConfig("BASIC_AUTH", "arn:aws:secretsmanager:us-east-1:123456789012:secret:registry")],
            [new KafkaSchemaValidationConfig("VALUE")])),
        LoggingConfig = new LoggingConfig("WARN"),
        ProvisionedPollerConfig = new ProvisionedPollerConfig(2, 200, "payments"),
    };

    public static MappingConfiguration AmazonMq { get; } = new()
    {
        FunctionName = "orders",
        EventSourceArn = "arn:aws:mq:us-east-1:123456789012:broker:orders:b-1234a5b6-78cd-901e-2fgh-3i45j6k178l9",
        Queues = ["orders"],
        BatchSize = 5,
        SourceAccessConfigurations =
        [
            new SourceAccessConfiguration("BASIC_AUTH", "arn:aws:secretsmanager:us-east-1:123456789012:secret:mq"),
            new SourceAccessConfiguration("VIRTUAL_HOST", "/orders"),
        ],
    };

    public static MappingConfiguration DocumentDb { get; } = new()
    {
        FunctionName = "orders",
        EventSourceArn = "arn:aws:rds:us-east-1:123456789012:cluster:orders",
        StartingPosition = "LATEST",
        BatchSize = 50,
        DocumentDBEventSourceConfig = new DocumentDBEventSourceConfig("shop", "orders", "UpdateLookup"),
        SourceAccessConfigurations = [new SourceAccessConfiguration("BASIC_AUTH", "arn:aws:secretsmanager:us-east-1:123456789012:secret:docdb")],
    };

    public static IReadOnlyList<(string Name, MappingConfiguration Configuration)> PerKind { get; } =
    [
        ("sqs", Sqs), ("kinesis", Kinesis), ("dynamodb", DynamoDb), ("msk", Msk), ("kafka", SelfManagedKafka), ("mq", AmazonMq), ("documentdb", DocumentDb),
    ];

    /// <summary>Every member at once, nested ones included: for round trips, not a valid mapping.</summary>
    public static MappingConfiguration Everything { get; } = Msk with
    {
        Enabled = true,
        ScalingConfig = new ScalingConfig(20),
        KmsKeyArn = "arn:aws:kms:us-east-1:123456789012:key/k",
        FilterCriteria = Sqs.FilterCriteria,
        ParallelizationFactor = 3,
        StartingPositionTimestamp = DateTimeOffset.Parse("2026-01-02T03:04:05.678Z"),
        DestinationConfig = new DestinationConfig(new OnFailure("arn:aws:sqs:us-east-1:123456789012:dlq"), new OnSuccess("arn:aws:sqs:us-east-1:123456789012:ok")),
        TumblingWindowInSeconds = 30,
        Tags = new Dictionary<string, string> { ["team"] = "payments", ["esmctl:name"] = "orders" },
        Queues = ["q"],
        SelfManagedEventSource = SelfManagedKafka.SelfManagedEventSource,
        SelfManagedKafkaEventSourceConfig = SelfManagedKafka.SelfManagedKafkaEventSourceConfig,
        DocumentDBEventSourceConfig = DocumentDb.DocumentDBEventSourceConfig,
    };
}
