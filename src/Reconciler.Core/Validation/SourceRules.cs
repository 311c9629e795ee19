using Reconciler.Core.Model;

namespace Reconciler.Core.Validation;

/// <summary>Rules about the source itself and the create-only fields that say where and how to start reading.</summary>
internal static class SourceRules
{
    /// <summary>Exactly one source, of a kind Lambda reads; every rule that depends on the kind needs this to pass.</summary>
    public static void CheckSource(RuleContext c)
    {
        var spec = c.Request;
        var hasArn = !string.IsNullOrEmpty(spec.EventSourceArn);
        if (hasArn == (spec.SelfManagedEventSource is not null))
        {
            if (hasArn) c.Error("selfManagedEventSource", "give either eventSourceArn or selfManagedEventSource, not both");
            else c.Error("", "missing the source: give eventSourceArn, or selfManagedEventSource for a self-managed Kafka cluster");
            return;
        }
        if (hasArn && c.Kind == SourceKind.Unknown)
            c.Error("eventSourceArn", "not an event source Lambda can read: expected the ARN of an SQS queue, Kinesis stream, DynamoDB stream, MSK cluster, Amazon MQ broker or DocumentDB cluster (AWS answers \"Unrecognized event source.\")");
    }

    /// <summary>
    /// Required for Kinesis and DynamoDB Streams, as the model says and the recordings show (AWS refuses a stream
    /// mapping without it). Optional for Amazon MSK, self-managed Kafka and DocumentDB: AWS accepted a self-managed
    /// Kafka mapping without one and started at TRIM_HORIZON. Queues have no position.
    /// </summary>
    public static void CheckStartingPosition(RuleContext c)
    {
        var position = c.Request.StartingPosition;
        switch (c.Kind)
        {
            case SourceKind.Kinesis or SourceKind.DynamoDbStreams when position is null:
                c.Error("startingPosition", $"required for {RuleContext.KindName(c.Kind)}: TRIM_HORIZON, LATEST{(c.Kind == SourceKind.Kinesis ? " or AT_TIMESTAMP" : "")}");
                break;
            case SourceKind.Sqs or SourceKind.AmazonMq when position is not null:
                c.NotFor("startingPosition", "streams, Kafka and DocumentDB (queues have no position)");
                break;
        }
        // Queues were refused above; of the rest only DynamoDB Streams has no AT_TIMESTAMP.
        if (position == "AT_TIMESTAMP" && c.Kind == SourceKind.DynamoDbStreams)
            c.Error("startingPosition", $"AT_TIMESTAMP is supported only for Kinesis, DocumentDB, Amazon MSK and self-managed Kafka, not {RuleContext.KindName(c.Kind)}");
    }

    public static void CheckTimestamp(RuleContext c)
    {
        var position = c.Request.StartingPosition;
        if (position == "AT_TIMESTAMP" && c.Request.StartingPositionTimestamp is null)
            c.Error("startingPosition", "AT_TIMESTAMP needs startingPositionTimestamp: the time to start reading from");
        if (c.Request.StartingPositionTimestamp is not { } timestamp) return;
        if (position != "AT_TIMESTAMP")
            c.Error("startingPositionTimestamp", "applies only with startingPosition: AT_TIMESTAMP");
        else if (timestamp > c.Clock.GetUtcNow())
            c.Error("startingPositionTimestamp", $"{timestamp:yyyy-MM-ddTHH:mm:ssZ} is in the future; the starting timestamp cannot be");
    }

    public static void CheckTopics(RuleContext c)
    {
        var kafka = EventSource.IsKafka(c.Kind);
        if (kafka && c.Request.Topics is null) c.Error("topics", $"required for {RuleContext.KindName(c.Kind)}: the Kafka topic to read");
        if (!kafka && c.Request.Topics is not null) c.NotFor("topics", "Amazon MSK and self-managed Kafka");
    }

    public static void CheckQueues(RuleContext c)
    {
        if (c.Kind == SourceKind.AmazonMq && c.Request.Queues is null) c.Error("queues", "required for Amazon MQ: the broker's destination queue to read");
        if (c.Kind != SourceKind.AmazonMq && c.Request.Queues is not null) c.NotFor("queues", "Amazon MQ");
    }

    /// <summary>Where AWS requires credentials or network access: an Amazon MQ broker needs its BASIC_AUTH secret, and
    /// a self-managed Kafka cluster needs authentication or VPC entries (recorded: AWS refuses it without, "Required
    /// 'sourceAccessConfigurations' parameter is missing."). Amazon MSK defaults to IAM authentication and the cluster's
    /// own network, so there it is optional.</summary>
    public static void CheckRequiredAccess(RuleContext c)
    {
        var access = c.Request.SourceAccessConfigurations;
        if (c.Kind == SourceKind.AmazonMq && access?.Any(a => a.Type == "BASIC_AUTH") != true)
            c.Error("sourceAccessConfigurations", "Amazon MQ needs a BASIC_AUTH entry: the Secrets Manager secret with the broker credentials");
        if (c.Kind == SourceKind.SelfManagedKafka && access is not { Count: > 0 })
            c.Error("sourceAccessConfigurations", "required for a self-managed Kafka cluster: the secret it authenticates with (BASIC_AUTH, SASL_SCRAM_256_AUTH, SASL_SCRAM_512_AUTH, CLIENT_CERTIFICATE_TLS_AUTH) or its VPC_SUBNET and VPC_SECURITY_GROUP (AWS answers \"Required 'sourceAccessConfigurations' parameter is missing.\")");
    }

    public static void CheckSourceConfigs(RuleContext c)
    {
        var spec = c.Request;
        if (spec.AmazonManagedKafkaEventSourceConfig is not null && c.Kind != SourceKind.Msk)
            c.NotFor("amazonManagedKafkaEventSourceConfig", "Amazon MSK");
        if (spec.SelfManagedKafkaEventSourceConfig is not null && c.Kind != SourceKind.SelfManagedKafka)
            c.NotFor("selfManagedKafkaEventSourceConfig", "self-managed Kafka");
        if (spec.DocumentDBEventSourceConfig is not null && c.Kind != SourceKind.DocumentDb)
            c.NotFor("documentDBEventSourceConfig", "DocumentDB");
        if (c.Kind == SourceKind.DocumentDb && spec.DocumentDBEventSourceConfig?.DatabaseName is null)
            c.Error("documentDBEventSourceConfig", "DocumentDB needs documentDBEventSourceConfig.databaseName: the database to watch");
    }
}
