namespace Reconciler.Emulator.Tests.Http;

/// <summary>Create request bodies as an SDK would send them: one realistic mapping of every source kind, with
/// most optional members set, spelt exactly as the API model spells them.</summary>
internal static class WireSamples
{
    public const string Secret = "arn:aws:secretsmanager:us-east-1:123456789012:secret:kafka-creds";

    public static readonly IReadOnlyDictionary<string, string> ByKind = new Dictionary<string, string>
    {
        ["sqs"] = """
            {"FunctionName":"orders-handler","EventSourceArn":"arn:aws:sqs:us-east-1:123456789012:orders","Enabled":true,
             "BatchSize":50,"MaximumBatchingWindowInSeconds":5,"FunctionResponseTypes":["ReportBatchItemFailures"],
             "MetricsConfig":{"Metrics":["EventCount"]},
             "FilterCriteria":{"Filters":[{"Pattern":"{\"body\":{\"kind\":[\"order\"]}}"}]},
             "ProvisionedPollerConfig":{"MinimumPollers":2,"MaximumPollers":20},
             "Tags":{"team":"orders","esmctl:managed":"true"}}
            """,
        ["sqs-fifo"] = """
            {"FunctionName":"arn:aws:lambda:us-east-1:123456789012:function:orders-handler:live",
             "EventSourceArn":"arn:aws:sqs:us-east-1:123456789012:orders.fifo","BatchSize":10,"Enabled":false,
             "ScalingConfig":{"MaximumConcurrency":20}}
            """,
        ["kinesis"] = """
            {"FunctionName":"clicks-handler","EventSourceArn":"arn:aws:kinesis:us-east-1:123456789012:stream/clicks",
             "StartingPosition":"AT_TIMESTAMP","StartingPositionTimestamp":1767139200.5,"BatchSize":500,
             "MaximumBatchingWindowInSeconds":10,"ParallelizationFactor":4,"MaximumRecordAgeInSeconds":3600,
             "BisectBatchOnFunctionError":true,"MaximumRetryAttempts":5,"TumblingWindowInSeconds":60,
             "DestinationConfig":{"OnFailure":{"Destination":"arn:aws:sqs:us-east-1:123456789012:clicks-dlq"}},
             "FunctionResponseTypes":["ReportBatchItemFailures"]}
            """,
        ["dynamodb"] = """
            {"FunctionName":"users-handler",
             "EventSourceArn":"arn:aws:dynamodb:us-east-1:123456789012:table/users/stream/2026-01-01T00:00:00.000",
             "StartingPosition":"TRIM_HORIZON","BatchSize":100,"MaximumRetryAttempts":-1,"MaximumRecordAgeInSeconds":-1,
             "KMSKeyArn":"arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
             "FilterCriteria":{"Filters":[{"Pattern":"{\"eventName\":[\"INSERT\"]}"}]}}
            """,
        ["msk"] = """
            {"FunctionName":"events-handler",
             "EventSourceArn":"arn:aws:kafka:us-east-1:123456789012:cluster/events/abcd1234-ab12-cd34-ef56-abcdef123456-1",
             "StartingPosition":"LATEST","Topics":["events"],"BatchSize":200,
             "AmazonManagedKafkaEventSourceConfig":{"ConsumerGroupId":"events-consumers",
               "SchemaRegistryConfig":{"SchemaRegistryURI":"arn:aws:glue:us-east-1:123456789012:registry/events",
                 "EventRecordFormat":"JSON","SchemaValidationConfigs":[{"Attribute":"VALUE"}]}},
             "LoggingConfig":{"SystemLogLevel":"WARN"},"MetricsConfig":{"Metrics":["EventCount","ErrorCount","KafkaMetrics"]},
             "ProvisionedPollerConfig":{"MinimumPollers":1,"MaximumPollers":10,"PollerGroupName":"events"}}
            """,
        ["kafka"] = """
            {"FunctionName":"events-handler","StartingPosition":"TRIM_HORIZON","Topics":["audit"],
             "SelfManagedEventSource":{"Endpoints":{"KAFKA_BOOTSTRAP_SERVERS":["b-1.example.com:9092","b-2.example.com:9092"]}},
             "SourceAccessConfigurations":[{"Type":"SASL_SCRAM_512_AUTH","URI":"arn:aws:secretsmanager:us-east-1:123456789012:secret:kafka-creds"},
               {"Type":"VPC_SUBNET","URI":"subnet:subnet-0123456789abcdef0"},{"Type":"VPC_SECURITY_GROUP","URI":"security_group:sg-0123456789abcdef0"}],
             "SelfManagedKafkaEventSourceConfig":{"ConsumerGroupId":"audit-consumers",
               "SchemaRegistryConfig":{"SchemaRegistryURI":"https://schemas.example.com","EventRecordFormat":"SOURCE",
                 "AccessConfigs":[{"Type":"BASIC_AUTH","URI":"arn:aws:secretsmanager:us-east-1:123456789012:secret:kafka-creds"}],"SchemaValidationConfigs":[{"Attribute":"KEY"}]}},
             "DestinationConfig":{"OnFailure":{"Destination":"kafka://audit-failures"}}}
            """,
        ["mq"] = """
            {"FunctionName":"rabbit-handler",
             "EventSourceArn":"arn:aws:mq:us-east-1:123456789012:broker:rabbit:b-1234a5b6-78cd-901e-2fgh-3i45j6k178l9",
             "Queues":["jobs"],"BatchSize":10,
             "SourceAccessConfigurations":[{"Type":"BASIC_AUTH","URI":"arn:aws:secretsmanager:us-east-1:123456789012:secret:mq"},
               {"Type":"VIRTUAL_HOST","URI":"/prod"}]}
            """,
        ["documentdb"] = """
            {"FunctionName":"docs-handler","EventSourceArn":"arn:aws:rds:us-east-1:123456789012:cluster:docs",
             "StartingPosition":"LATEST","BatchSize":100,
             "DocumentDBEventSourceConfig":{"DatabaseName":"shop","CollectionName":"orders","FullDocument":"UpdateLookup"},
             "SourceAccessConfigurations":[{"Type":"BASIC_AUTH","URI":"arn:aws:secretsmanager:us-east-1:123456789012:secret:docdb"}]}
            """,
    };

    public static TheoryData<string> Kinds()
    {
        var data = new TheoryData<string>();
        foreach (var kind in ByKind.Keys) data.Add(kind);
        return data;
    }
}
