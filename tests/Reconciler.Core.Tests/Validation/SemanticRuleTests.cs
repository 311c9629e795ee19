using Reconciler.Core.Diagnostics;
using Reconciler.Core.Tests.Manifests;

namespace Reconciler.Core.Tests.Validation;

/// <summary>Every semantic rule, one passing and one failing case each. A case is a source kind plus spec
/// lines added to a minimal valid manifest of that kind; the clock is fixed at 2026-06-01T12:00Z.</summary>
public sealed class SemanticRuleTests
{
    private static readonly Dictionary<string, string> Sources = new()
    {
        ["sqs"] = "eventSourceArn: arn:aws:sqs:us-east-1:123456789012:orders",
        ["fifo"] = "eventSourceArn: arn:aws:sqs:us-east-1:123456789012:orders.fifo",
        ["kinesis"] = "eventSourceArn: arn:aws:kinesis:us-east-1:123456789012:stream/clicks",
        ["dynamodb"] = "eventSourceArn: arn:aws:dynamodb:us-east-1:123456789012:table/t/stream/2024-01-01T00:00:00.000",
        ["msk"] = "eventSourceArn: arn:aws:kafka:us-east-1:123456789012:cluster/c/abc\n  topics: [orders]",
        ["kafka"] = "selfManagedEventSource: {endpoints: {KAFKA_BOOTSTRAP_SERVERS: ['k1.example.com:9092']}}\n  topics: [orders]\n  sourceAccessConfigurations: [{type: SASL_SCRAM_512_AUTH, uri: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:k'}]",
        ["mq"] = "eventSourceArn: arn:aws:mq:us-east-1:123456789012:broker:b:b-1\n  queues: [q]\n  sourceAccessConfigurations: [{type: BASIC_AUTH, uri: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:s'}]",
        ["docdb"] = "eventSourceArn: arn:aws:rds:us-east-1:123456789012:cluster:c\n  documentDBEventSourceConfig: {databaseName: db}",
        ["none"] = "",
        ["s3"] = "eventSourceArn: arn:aws:s3:::bucket",
    };

    private static readonly Dictionary<string, string> DefaultPosition = new()
    {
        ["kinesis"] = "startingPosition: LATEST",
        ["dynamodb"] = "startingPosition: LATEST",
        ["msk"] = "startingPosition: LATEST",
        ["kafka"] = "startingPosition: LATEST",
        ["docdb"] = "startingPosition: LATEST",
    };

    public static string Manifest(string source, string extra, bool defaultPosition = true, string metadata = "")
    {
        var lines = new List<string> { Sources[source] };
        if (defaultPosition && DefaultPosition.TryGetValue(source, out var position) && !extra.Contains("startingPosition")) lines.Add(position);
        if (extra.Length > 0) lines.Add(extra);
        return $"""
            apiVersion: esmctl/v1
            kind: EventSourceMapping
            metadata:
              name: m
            {metadata}
            spec:
              functionName: f
              {string.Join("\n  ", lines.Where(l => l.Length > 0))}
            """;
    }

    // rule, source, extra spec lines, expected error field ("" = valid), message fragment
    public static TheoryData<string, string, string, string, string> Cases => new()
    {
        { "exactly one source", "sqs", "", "", "" },
        { "exactly one source", "none", "", "spec", "missing the source" },
        { "exactly one source", "msk", "selfManagedEventSource: {endpoints: {KAFKA_BOOTSTRAP_SERVERS: ['k:1']}}", "spec.selfManagedEventSource", "not both" },
        { "supported service", "s3", "", "spec.eventSourceArn", "not an event source Lambda can read" },
        { "startingPosition required", "kinesis", "startingPosition: TRIM_HORIZON", "", "" },
        { "startingPosition required", "kinesis", "batchSize: 5\n  # startingPosition left out", "spec.startingPosition", "required for a Kinesis stream" },
        { "startingPosition required", "dynamodb", "batchSize: 5\n  # startingPosition left out", "spec.startingPosition", "required for a DynamoDB stream" },
        { "startingPosition optional (recorded: AWS defaults it)", "msk", "batchSize: 5\n  # startingPosition left out", "", "" },
        { "startingPosition optional (recorded: AWS defaults it)", "kafka", "batchSize: 5\n  # startingPosition left out", "", "" },
        { "startingPosition optional (recorded: AWS defaults it)", "docdb", "batchSize: 5\n  # startingPosition left out", "", "" },
        { "startingPosition rejected", "mq", "batchSize: 5", "", "" },
        { "startingPosition rejected", "sqs", "startingPosition: LATEST", "spec.startingPosition", "applies only to streams" },
        { "AT_TIMESTAMP sources", "msk", "startingPosition: AT_TIMESTAMP\n  startingPositionTimestamp: 2026-05-01T00:00:00Z", "", "" },
        { "AT_TIMESTAMP sources", "dynamodb", "startingPosition: AT_TIMESTAMP\n  startingPositionTimestamp: 2026-05-01T00:00:00Z", "spec.startingPosition", "supported only for Kinesis, DocumentDB" },
        { "AT_TIMESTAMP needs timestamp", "kinesis", "startingPosition: AT_TIMESTAMP\n  startingPositionTimestamp: 1777593600", "", "" },
        { "AT_TIMESTAMP needs timestamp", "kinesis", "startingPosition: AT_TIMESTAMP", "spec.startingPosition", "needs startingPositionTimestamp" },
        { "timestamp not in future", "kafka", "startingPosition: AT_TIMESTAMP\n  startingPositionTimestamp: 2026-06-01T11:59:59Z", "", "" },
        { "timestamp not in future", "kafka", "startingPosition: AT_TIMESTAMP\n  startingPositionTimestamp: 2026-06-01T12:00:01Z", "spec.startingPositionTimestamp", "in the future" },
        { "timestamp only with AT_TIMESTAMP", "kinesis", "startingPosition: LATEST\n  startingPositionTimestamp: 2026-05-01T00:00:00Z", "spec.startingPositionTimestamp", "only with startingPosition: AT_TIMESTAMP" },
        { "parallelizationFactor streams only", "kinesis", "parallelizationFactor: 4", "", "" },
        { "parallelizationFactor streams only", "sqs", "parallelizationFactor: 4", "spec.parallelizationFactor", "applies only to Kinesis and DynamoDB Streams" },
        { "tumblingWindow streams only", "dynamodb", "tumblingWindowInSeconds: 60", "", "" },
        { "tumblingWindow streams only", "msk", "tumblingWindowInSeconds: 60", "spec.tumblingWindowInSeconds", "applies only to Kinesis and DynamoDB Streams" },
        { "bisect streams and Kafka", "msk", "bisectBatchOnFunctionError: true", "", "" },
        { "bisect streams and Kafka", "sqs", "bisectBatchOnFunctionError: true", "spec.bisectBatchOnFunctionError", "applies only to Kinesis, DynamoDB Streams" },
        { "retries streams and Kafka", "kinesis", "maximumRetryAttempts: 2", "", "" },
        { "retries streams and Kafka", "mq", "maximumRetryAttempts: 2", "spec.maximumRetryAttempts", "applies only to" },
        { "record age streams and Kafka", "kinesis", "maximumRecordAgeInSeconds: -1", "", "" },
        { "record age streams and Kafka", "docdb", "maximumRecordAgeInSeconds: 60", "spec.maximumRecordAgeInSeconds", "applies only to" },
        { "record age -1 or 60..604800", "dynamodb", "maximumRecordAgeInSeconds: 60", "", "" },
        { "record age -1 or 60..604800", "dynamodb", "maximumRecordAgeInSeconds: 59", "spec.maximumRecordAgeInSeconds", "use -1 (no limit) or 60..604800" },
        { "FIFO batch at most 10", "fifo", "batchSize: 10", "", "" },
        { "FIFO batch at most 10", "fifo", "batchSize: 11\n  maximumBatchingWindowInSeconds: 1", "spec.batchSize", "too large for a FIFO queue" },
        { "SQS batch over 10 needs window", "sqs", "batchSize: 100\n  maximumBatchingWindowInSeconds: 1", "", "" },
        { "SQS batch over 10 needs window", "sqs", "batchSize: 11", "spec.batchSize", "needs maximumBatchingWindowInSeconds of at least 1" },
        { "SQS batch over 10 needs window", "sqs", "batchSize: 11\n  maximumBatchingWindowInSeconds: 0", "spec.batchSize", "needs maximumBatchingWindowInSeconds of at least 1" },
        { "batch window rule is SQS's (streams default to 100 with 0)", "kinesis", "batchSize: 100", "", "" },
        { "batch window rule is SQS's (streams default to 100 with 0)", "dynamodb", "batchSize: 1000", "", "" },
        { "batch window rule is SQS's (streams default to 100 with 0)", "msk", "batchSize: 10000", "", "" },
        { "batch over 10 needs window (not MQ)", "mq", "batchSize: 100", "", "" },
        { "scalingConfig SQS only", "sqs", "scalingConfig: {maximumConcurrency: 5}", "", "" },
        { "scalingConfig SQS only", "kinesis", "scalingConfig: {maximumConcurrency: 5}", "spec.scalingConfig", "applies only to SQS" },
        { "topics required for Kafka", "kafka", "", "", "" },
        { "topics required for Kafka", "none", "selfManagedEventSource: {endpoints: {KAFKA_BOOTSTRAP_SERVERS: ['k:1']}}\n  startingPosition: LATEST", "spec.topics", "required for a self-managed Kafka cluster" },
        { "topics only for Kafka", "sqs", "topics: [orders]", "spec.topics", "applies only to Amazon MSK and self-managed Kafka" },
        { "queues required for MQ", "mq", "", "", "" },
        { "queues required for MQ", "none", "eventSourceArn: arn:aws:mq:us-east-1:123456789012:broker:b:b-1\n  sourceAccessConfigurations: [{type: BASIC_AUTH, uri: x}]", "spec.queues", "required for Amazon MQ" },
        { "queues only for MQ", "sqs", "queues: [q]", "spec.queues", "applies only to Amazon MQ" },
        { "MQ needs BASIC_AUTH", "none", "eventSourceArn: arn:aws:mq:us-east-1:123456789012:broker:b:b-1\n  queues: [q]", "spec.sourceAccessConfigurations", "needs a BASIC_AUTH entry" },
        { "VIRTUAL_HOST only for RabbitMQ", "mq", "# vhost\n  functionResponseTypes: []", "", "" },
        { "VIRTUAL_HOST only for RabbitMQ", "msk", "sourceAccessConfigurations: [{type: VIRTUAL_HOST, uri: /v}]", "spec.sourceAccessConfigurations[0].type", "VIRTUAL_HOST applies only to Amazon MQ" },
        { "access configs not for SQS", "sqs", "sourceAccessConfigurations: [{type: BASIC_AUTH, uri: x}]", "spec.sourceAccessConfigurations", "applies only to" },
        { "filter pattern is a JSON object", "sqs", "filterCriteria: {filters: [{pattern: '{\"body\": {\"a\": [1]}}'}]}", "", "" },
        { "filter pattern is a JSON object", "sqs", "filterCriteria: {filters: [{pattern: '[1, 2]'}]}", "spec.filterCriteria.filters[0].pattern", "must be a JSON object such as" },
        { "Kafka needs sourceAccessConfigurations (recorded)", "none", "selfManagedEventSource: {endpoints: {KAFKA_BOOTSTRAP_SERVERS: ['k:1']}}\n  topics: [orders]", "spec.sourceAccessConfigurations", "required for a self-managed Kafka cluster" },
        { "Kafka needs sourceAccessConfigurations (recorded)", "none", "selfManagedEventSource: {endpoints: {KAFKA_BOOTSTRAP_SERVERS: ['k:1']}}\n  topics: [orders]\n  sourceAccessConfigurations: []", "spec.sourceAccessConfigurations", "required for a self-managed Kafka cluster" },
        { "Kafka may use VPC entries", "none", "selfManagedEventSource: {endpoints: {KAFKA_BOOTSTRAP_SERVERS: ['k:1']}}\n  topics: [orders]\n  sourceAccessConfigurations: [{type: VPC_SUBNET, uri: 'subnet:subnet-1'}, {type: VPC_SECURITY_GROUP, uri: 'security_group:sg-1'}]", "", "" },
        { "MSK needs no sourceAccessConfigurations (IAM)", "msk", "", "", "" },
        { "region agrees with ARNs", "sqs", "kmsKeyArn: arn:aws:kms:us-east-1:123456789012:key/k", "", "" },
        { "region agrees with ARNs", "none", "eventSourceArn: arn:aws:sqs:eu-west-1:123456789012:q", "spec.eventSourceArn", "the ARN is in eu-west-1 but metadata.region is in us-east-1" },
        { "onSuccess not on create", "kinesis", "destinationConfig: {onFailure: {destination: 'arn:aws:sqs:us-east-1:123456789012:dlq'}}", "", "" },
        { "onSuccess not on create", "kinesis", "destinationConfig: {onSuccess: {destination: 'arn:aws:sqs:us-east-1:123456789012:ok'}}", "spec.destinationConfig.onSuccess", "only onFailure" },
        { "onFailure names its destination", "kinesis", "destinationConfig: {onFailure: {}}", "spec.destinationConfig.onFailure", "onFailure has no destination" },
        { "onFailure names its destination", "msk", "destinationConfig:\n    onFailure: {}", "spec.destinationConfig.onFailure", "The Destination field is required" },
        { "onFailure names its destination", "kafka", "destinationConfig: {onFailure: {destination: ''}}", "spec.destinationConfig.onFailure.destination", "the destination is empty" },
        { "onSuccess names its destination", "dynamodb", "destinationConfig: {onSuccess: {}}", "spec.destinationConfig.onSuccess", "onSuccess has no destination" },
        { "destinationConfig: {} is no destination", "kinesis", "destinationConfig: {}", "", "" },
        { "destinationConfig streams and Kafka", "sqs", "destinationConfig: {onFailure: {destination: 'arn:aws:sqs:us-east-1:123456789012:dlq'}}", "spec.destinationConfig", "applies only to" },
        { "functionResponseTypes not for MQ", "sqs", "functionResponseTypes: [ReportBatchItemFailures]", "", "" },
        { "functionResponseTypes not for MQ", "mq", "functionResponseTypes: [ReportBatchItemFailures]", "spec.functionResponseTypes", "applies only to" },
        { "loggingConfig Kafka only", "kafka", "loggingConfig: {systemLogLevel: INFO}", "", "" },
        { "loggingConfig Kafka only", "sqs", "loggingConfig: {systemLogLevel: INFO}", "spec.loggingConfig", "applies only to Amazon MSK" },
        { "Kafka metrics Kafka only", "msk", "metricsConfig: {metrics: [KafkaMetrics]}", "", "" },
        { "Kafka metrics Kafka only", "sqs", "metricsConfig: {metrics: [ErrorCount]}", "spec.metricsConfig.metrics", "ErrorCount is available only" },
        { "pollers min <= max", "msk", "provisionedPollerConfig: {minimumPollers: 2, maximumPollers: 4}", "", "" },
        { "pollers min <= max", "msk", "provisionedPollerConfig: {minimumPollers: 5, maximumPollers: 4}", "spec.provisionedPollerConfig.minimumPollers", "above maximumPollers" },
        { "SQS pollers at least 2", "sqs", "provisionedPollerConfig: {minimumPollers: 1}", "spec.provisionedPollerConfig.minimumPollers", "at least 2" },
        { "pollers not for MQ", "mq", "provisionedPollerConfig: {minimumPollers: 1}", "spec.provisionedPollerConfig", "applies only to SQS, Amazon MSK" },
        { "Kafka config matches source", "msk", "amazonManagedKafkaEventSourceConfig: {consumerGroupId: g}", "", "" },
        { "Kafka config matches source", "msk", "selfManagedKafkaEventSourceConfig: {consumerGroupId: g}", "spec.selfManagedKafkaEventSourceConfig", "applies only to self-managed Kafka" },
        { "DocumentDB config", "docdb", "", "", "" },
        { "DocumentDB config", "sqs", "documentDBEventSourceConfig: {databaseName: d}", "spec.documentDBEventSourceConfig", "applies only to DocumentDB" },
        { "DocumentDB needs database", "none", "eventSourceArn: arn:aws:rds:us-east-1:123456789012:cluster:c\n  startingPosition: LATEST", "spec.documentDBEventSourceConfig", "needs documentDBEventSourceConfig.databaseName" },
        { "tag keys", "sqs", "tags: {team: a, 'app.example.com/name': b}", "", "" },
        { "tag keys", "sqs", "tags: {'aws:owner': a}", "spec.tags.aws:owner", "reserved by AWS" },
        { "tag keys", "sqs", "tags: {'esmctl:name': a}", "spec.tags.esmctl:name", "set by esmctl itself" },
        { "tag keys", "sqs", "tags: {'ESMCTL:managed-by': team-b}", "spec.tags.ESMCTL:managed-by", "set by esmctl itself" },
        { "tag keys", "sqs", "tags: {' Esmctl:Managed-By': a}", "spec.tags. Esmctl:Managed-By", "set by esmctl itself" },
        { "tag keys", "sqs", "tags: {'a#b': a}", "spec.tags.a#b", "a tag key is 1..128" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Rule(string rule, string source, string extra, string field, string message)
    {
        var set = Load.Text(Manifest(source, extra, metadata: "  region: us-east-1"));
        var errors = set.Diagnostics.Where(d => d.Severity == Severity.Error).ToList();
        if (field.Length == 0)
        {
            Assert.True(errors.Count == 0, $"{rule}: expected valid, got:\n{string.Join("\n", errors)}");
            Assert.Single(set.Mappings);
        }
        else
        {
            Assert.True(errors.Any(e => e.Field == field && e.Message.Contains(message, StringComparison.Ordinal)),
                $"{rule}: expected {field}: ...{message}..., got:\n{string.Join("\n", set.Diagnostics)}");
            Assert.Empty(set.Mappings);
        }
    }

    [Fact]
    public void Missing_starting_position_on_DocumentDB_is_only_a_warning()
    {
        var set = Load.Text(Manifest("docdb", "", defaultPosition: false));
        var warning = Assert.Single(set.Diagnostics);
        Assert.Equal(Severity.Warning, warning.Severity);
        Assert.Equal("spec.startingPosition", warning.Field);
        Assert.Contains("not set; it cannot be changed after creation", warning.Message);
        Assert.Single(set.Mappings);
    }

    [Fact]
    public void Semantic_error_points_at_the_field_line()
    {
        var set = Load.Text(Manifest("sqs", "startingPosition: LATEST"));
        var error = Assert.Single(set.Diagnostics);
        Assert.Equal(9, error.Location.Line);
        Assert.Equal(3, error.Location.Column);
    }

    [Fact]
    public void An_onFailure_without_its_destination_is_located_at_its_key()
    {
        var set = Load.Text(Manifest("kinesis", "destinationConfig:\n    onFailure: {}"));
        var error = Assert.Single(set.Diagnostics);
        Assert.Equal(Severity.Error, error.Severity);
        Assert.Equal("spec.destinationConfig.onFailure", error.Field);
        Assert.Equal((11, 5), (error.Location.Line, error.Location.Column));
        Assert.Empty(set.Mappings);
    }

    [Fact]
    public void Without_metadata_region_the_ARNs_must_agree_with_the_sources_region()
    {
        var set = Load.Text(Manifest("none", "eventSourceArn: arn:aws:sqs:us-east-1:123456789012:q\n  kmsKeyArn: arn:aws:kms:eu-west-1:123456789012:key/k"));
        var error = Assert.Single(set.Diagnostics);
        Assert.Equal("spec.kmsKeyArn", error.Field);
        Assert.Contains("the ARN is in eu-west-1 but the event source is in us-east-1", error.Message);
    }
}
