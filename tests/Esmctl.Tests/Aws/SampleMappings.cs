using Reconciler.Core.Model;

namespace Esmctl.Tests.Aws;

/// <summary>Desired mappings that use every member of CreateEventSourceMapping between them, one per source kind.</summary>
internal static class SampleMappings
{
    public const string Account = "123456789012";
    public const string FunctionArn = "arn:aws:lambda:eu-west-1:123456789012:function:orders";
    public const string EsmArn = "arn:aws:lambda:eu-west-1:123456789012:event-source-mapping:14e0db71-5d35-4eb5-b481-8945cf9d10c2";
    public const string Uuid = "14e0db71-5d35-4eb5-b481-8945cf9d10c2";

    private static readonly Dictionary<string, string> OwnedTags = new()
    {
        [ManagedTags.ManagedBy] = ManagedTags.DefaultOwner,
        [ManagedTags.Name] = "orders-queue",
    };

    public static MappingConfiguration Sqs { get; } = new()
    {
        FunctionName = "orders",
        EventSourceArn = "arn:aws:sqs:eu-west-1:123456789012:orders",
        Enabled = true,
        BatchSize = 100,
        MaximumBatchingWindowInSeconds = 5,
        FilterCriteria = new FilterCriteria([new Filter("{\"body\":{\"kind\":[\"order\"]}}"), new Filter("{\"body\":{\"kind\":[\"refund\"]}}")]),
        KmsKeyArn = "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
        MetricsConfig = new MetricsConfig(["EventCount"]),
        ScalingConfig = new ScalingConfig(50),
        FunctionResponseTypes = ["ReportBatchItemFailures"],
        ProvisionedPollerConfig = new ProvisionedPollerConfig(2, 200, null),
        Tags = OwnedTags,
    };

    public static MappingConfiguration Kinesis { get; } = new()
    {
        FunctionName = FunctionArn + ":live",
        EventSourceArn = "arn:aws:kinesis:eu-west-1:123456789012:stream/clicks",
        Enabled = false,
        BatchSize = 500,
        StartingPosition = "AT_TIMESTAMP",
        StartingPositionTimestamp = DateTimeOffset.FromUnixTimeMilliseconds(1_569_284_520_333),
        ParallelizationFactor = 10,
        DestinationConfig = new DestinationConfig(new OnFailure("arn:aws:sqs:eu-west-1:123456789012:clicks-dlq"), null),
        MaximumRecordAgeInSeconds = -1,
        BisectBatchOnFunctionError = true,
        MaximumRetryAttempts = 10000,
        TumblingWindowInSeconds = 900,
        FunctionResponseTypes = ["ReportBatchItemFailures"],
        MetricsConfig = new MetricsConfig(["EventCount"]),
    };

    public static MappingConfiguration DynamoDb { get; } = new()
    {
        FunctionName = "123456789012:function:orders",
        EventSourceArn = "arn:aws:dynamodb:eu-west-1:123456789012:table/orders/stream/2024-01-01T00:00:00.000",
        StartingPosition = "TRIM_HORIZON",
        MaximumRecordAgeInSeconds = 604800,
        MaximumRetryAttempts = -1,
        DestinationConfig = new DestinationConfig(new OnFailure("arn:aws:sns:eu-west-1:123456789012:orders-failures"), null),
    };

    public static MappingConfiguration Msk { get; } = new()
    {
        FunctionName = "orders",
        EventSourceArn = "arn:aws:kafka:eu-west-1:123456789012:cluster/main/abcd1234-ab12-cd34-ef56-abcdef123456-1",
        Topics = ["orders"],
        StartingPosition = "LATEST",
        BatchSize = 1000,
        SourceAccessConfigurations = [new SourceAccessConfiguration("CLIENT_CERTIFICATE_TLS_AUTH", "arn:aws:secretsmanager:eu-west-1:123456789012:secret:kafka-cert")],
        AmazonManagedKafkaEventSourceConfig = new KafkaEventSourceConfig("orders-consumer", new KafkaSchemaRegistryConfig(
            "arn:aws:glue:eu-west-1:123456789012:registry/orders",
            "JSON",
            [],
            [new KafkaSchemaValidationConfig("KEY"), new KafkaSchemaValidationConfig("VALUE")])),
        LoggingConfig = new LoggingConfig("DEBUG"),
        MetricsConfig = new MetricsConfig(["EventCount", "ErrorCount", "KafkaMetrics"]),
        ProvisionedPollerConfig = new ProvisionedPollerConfig(1, 10, "orders-pollers"),
        DestinationConfig = new DestinationConfig(new OnFailure("kafka://orders-dlq"), null),
    };

    public static MappingConfiguration SelfManagedKafka { get; } = new()
    {
        FunctionName = "orders",
        SelfManagedEventSource = new SelfManagedEventSource(new Dictionary<string, IReadOnlyList<string>>
        {
            ["KAFKA_BOOTSTRAP_SERVERS"] = ["b-1.kafka.example.com:9092", "b-2.kafka.example.com:9092"],
        }),
        Topics = ["payments"],
        StartingPosition = "TRIM_HORIZON",
        SourceAccessConfigurations =
        [
            new SourceAccessConfiguration("VPC_SUBNET", "subnet:subnet-0123456789abcdef0"),
            new SourceAccessConfiguration("VPC_SECURITY_GROUP", "security_group:sg-0123456789abcdef0"),
            new SourceAccessConfiguration("SASL_SCRAM_512_AUTH", "arn:aws:secretsmanager:eu-west-1:123456789012:secret:kafka"),
        ],
        SelfManagedKafkaEventSourceConfig = new KafkaEventSourceConfig("payments", new KafkaSchemaRegistryConfig(
            "https://schema-registry.example.com:8081",
            "SOURCE",
            [new KafkaSchemaRegistryAccessConfig("BASIC_AUTH", "arn:aws:secretsmanager:eu-west-1:123456789012:secret:registry")],
            null)),
    };

    public static MappingConfiguration AmazonMq { get; } = new()
    {
        FunctionName = "orders",
        EventSourceArn = "arn:aws:mq:eu-west-1:123456789012:broker:orders:b-0123abcd-12ab-34cd-56ef-1234567890ab",
        Queues = ["orders"],
        BatchSize = 100,
        SourceAccessConfigurations =
        [
            new SourceAccessConfiguration("BASIC_AUTH", "arn:aws:secretsmanager:eu-west-1:123456789012:secret:mq"),
            new SourceAccessConfiguration("VIRTUAL_HOST", "/orders"),
        ],
    };

    public static MappingConfiguration DocumentDb { get; } = new()
    {
        FunctionName = "orders",
        EventSourceArn = "arn:aws:rds:eu-west-1:123456789012:cluster:orders",
        StartingPosition = "LATEST",
        DocumentDBEventSourceConfig = new DocumentDBEventSourceConfig("shop", "orders", "UpdateLookup"),
        SourceAccessConfigurations = [new SourceAccessConfiguration("BASIC_AUTH", "arn:aws:secretsmanager:eu-west-1:123456789012:secret:docdb")],
    };

    public static IEnumerable<(string Name, MappingConfiguration Configuration)> All =>
    [
        ("sqs", Sqs), ("kinesis", Kinesis), ("dynamodb", DynamoDb), ("msk", Msk),
        ("self-managed-kafka", SelfManagedKafka), ("amazon-mq", AmazonMq), ("documentdb", DocumentDb),
    ];

    /// <summary>The updates that clear things, each the documented way.</summary>
    public static MappingConfiguration Clearing { get; } = new()
    {
        FilterCriteria = new FilterCriteria(null),
        ScalingConfig = new ScalingConfig(null),
        DestinationConfig = new DestinationConfig(null, null),
        KmsKeyArn = "",
        FunctionResponseTypes = [],
        MetricsConfig = new MetricsConfig([]),
        SourceAccessConfigurations = [],
    };

    /// <summary>A minimal EventSourceMappingConfiguration as Lambda returns it, with a member the model does not have.</summary>
    public const string ResponseJson = """
        {"UUID":"14e0db71-5d35-4eb5-b481-8945cf9d10c2","EventSourceMappingArn":"arn:aws:lambda:eu-west-1:123456789012:event-source-mapping:14e0db71-5d35-4eb5-b481-8945cf9d10c2","FunctionArn":"arn:aws:lambda:eu-west-1:123456789012:function:orders",
         "EventSourceArn":"arn:aws:sqs:eu-west-1:123456789012:orders","State":"Enabled","BatchSize":10,
         "LastModified":1569284520.333,"StateTransitionReason":"USER_INITIATED","SomethingNew":{"x":[1,2]},
         "KMSKeyArn":"arn:aws:kms:eu-west-1:123456789012:key/k","ScalingConfig":{"MaximumConcurrency":5},
         "FilterCriteria":{"Filters":[{"Pattern":"{\"a\":[1]}"}]},"FunctionResponseTypes":["ReportBatchItemFailures"],
         "DestinationConfig":{"OnFailure":{"Destination":"arn:aws:sqs:eu-west-1:123456789012:dlq"}}}
        """;
}
