using Reconciler.Core.Model;

namespace Reconciler.Core.Validation;

/// <summary>Rules about the source itself and the create-only fields that say where and how to start reading.</summary>
internal static class SourceRules
{
    public static void Check(RuleContext c)
    {
        var spec = c.Spec;
        var hasArn = !string.IsNullOrEmpty(spec.EventSourceArn);
        if (hasArn == (spec.SelfManagedEventSource is not null))
        {
            c.Error(hasArn ? "spec.selfManagedEventSource" : "spec", hasArn
                ? "give either eventSourceArn or selfManagedEventSource, not both"
                : "missing the source: give eventSourceArn, or selfManagedEventSource for a self-managed Kafka cluster");
            return;
        }
        if (hasArn && c.Kind == SourceKind.Unknown)
        {
            c.Error("spec.eventSourceArn", "not an event source Lambda can read: expected the ARN of an SQS queue, Kinesis stream, DynamoDB stream, MSK cluster, Amazon MQ broker or DocumentDB cluster");
            return;
        }

        CheckStartingPosition(c);

        var kafka = EventSource.IsKafka(c.Kind);
        if (kafka && spec.Topics is null) c.Error("spec.topics", $"required for {RuleContext.KindName(c.Kind)}: the Kafka topic to read");
        if (!kafka && spec.Topics is not null) c.NotFor("spec.topics", "Amazon MSK and self-managed Kafka");
        if (c.Kind == SourceKind.AmazonMq && spec.Queues is null) c.Error("spec.queues", "required for Amazon MQ: the broker's destination queue to read");
        if (c.Kind != SourceKind.AmazonMq && spec.Queues is not null) c.NotFor("spec.queues", "Amazon MQ");
        if (c.Kind == SourceKind.AmazonMq && spec.SourceAccessConfigurations?.Any(a => a.Type == "BASIC_AUTH") != true)
        {
            c.Error("spec.sourceAccessConfigurations", "Amazon MQ needs a BASIC_AUTH entry: the Secrets Manager secret with the broker credentials");
        }

        if (spec.AmazonManagedKafkaEventSourceConfig is not null && c.Kind != SourceKind.Msk)
            c.NotFor("spec.amazonManagedKafkaEventSourceConfig", "Amazon MSK");
        if (spec.SelfManagedKafkaEventSourceConfig is not null && c.Kind != SourceKind.SelfManagedKafka)
            c.NotFor("spec.selfManagedKafkaEventSourceConfig", "self-managed Kafka");
        if (spec.DocumentDBEventSourceConfig is not null && c.Kind != SourceKind.DocumentDb)
            c.NotFor("spec.documentDBEventSourceConfig", "DocumentDB");
        if (c.Kind == SourceKind.DocumentDb && spec.DocumentDBEventSourceConfig?.DatabaseName is null)
            c.Error("spec.documentDBEventSourceConfig", "DocumentDB needs documentDBEventSourceConfig.databaseName: the database to watch");
    }

    private static void CheckStartingPosition(RuleContext c)
    {
        var spec = c.Spec;
        var position = spec.StartingPosition;
        switch (c.Kind)
        {
            case SourceKind.Kinesis or SourceKind.DynamoDbStreams when position is null:
                c.Error("spec.startingPosition", $"required for {RuleContext.KindName(c.Kind)}: TRIM_HORIZON, LATEST{(c.Kind == SourceKind.Kinesis ? " or AT_TIMESTAMP" : "")}");
                break;
            // The current model's text names only Kinesis and DynamoDB, but the API reference this project was
            // created from requires it for Amazon MSK too, and Lambda refuses a Kafka mapping without one: fail here,
            // not halfway through an apply.
            case SourceKind.Msk or SourceKind.SelfManagedKafka when position is null:
                c.Error("spec.startingPosition", $"required for {RuleContext.KindName(c.Kind)}: TRIM_HORIZON, LATEST or AT_TIMESTAMP");
                break;
            case SourceKind.DocumentDb when position is null:
                c.Warning("spec.startingPosition", "not set; it cannot be changed after creation, so say where to start (TRIM_HORIZON, LATEST or AT_TIMESTAMP)");
                break;
            case SourceKind.Sqs or SourceKind.AmazonMq when position is not null:
                c.NotFor("spec.startingPosition", "streams, Kafka and DocumentDB (queues have no position)");
                break;
        }

        if (position == "AT_TIMESTAMP")
        {
            if (c.Kind is not (SourceKind.Kinesis or SourceKind.DocumentDb or SourceKind.Msk or SourceKind.SelfManagedKafka))
            {
                c.Error("spec.startingPosition", $"AT_TIMESTAMP is supported only for Kinesis, DocumentDB, Amazon MSK and self-managed Kafka, not {RuleContext.KindName(c.Kind)}");
            }
            if (spec.StartingPositionTimestamp is null)
            {
                c.Error("spec.startingPosition", "AT_TIMESTAMP needs startingPositionTimestamp: the time to start reading from");
            }
        }
        if (spec.StartingPositionTimestamp is { } timestamp)
        {
            if (position != "AT_TIMESTAMP")
            {
                c.Error("spec.startingPositionTimestamp", "applies only with startingPosition: AT_TIMESTAMP");
            }
            else if (timestamp > c.Clock.GetUtcNow())
            {
                c.Error("spec.startingPositionTimestamp", $"{timestamp:yyyy-MM-ddTHH:mm:ssZ} is in the future; the starting timestamp cannot be");
            }
        }
    }
}
