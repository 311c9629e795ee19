using Reconciler.Core.Model;

namespace Reconciler.Emulator.ControlPlane;

/// <summary>Which parameters each kind of event source accepts, from the "(Kinesis, DynamoDB Streams, ...only)"
/// notes in the model's documentation strings.</summary>
internal static class SourceSupport
{
    public static bool IsStreamOrKafka(SourceKind kind) => EventSource.IsStream(kind) || EventSource.IsKafka(kind);

    /// <summary>StartingPosition "Required for Amazon Kinesis and Amazon DynamoDB Stream event sources"; the MSK and
    /// Kafka pollers need it too.</summary>
    public static bool RequiresStartingPosition(SourceKind kind) => IsStreamOrKafka(kind);

    public static bool AcceptsStartingPosition(SourceKind kind) => IsStreamOrKafka(kind) || kind == SourceKind.DocumentDb;

    /// <summary>"AT_TIMESTAMP is supported only for Amazon Kinesis streams, Amazon DocumentDB, Amazon MSK, and self-managed Apache Kafka."</summary>
    public static bool AcceptsAtTimestamp(SourceKind kind) =>
        kind is SourceKind.Kinesis or SourceKind.DocumentDb or SourceKind.Msk or SourceKind.SelfManagedKafka;

    public static bool AcceptsFunctionResponseTypes(SourceKind kind) => IsStreamOrKafka(kind) || kind == SourceKind.Sqs;

    public static bool AcceptsProvisionedPollers(SourceKind kind) => EventSource.IsKafka(kind) || kind == SourceKind.Sqs;

    public static string Label(SourceKind kind) => kind switch
    {
        SourceKind.Sqs => "SQS",
        SourceKind.Kinesis => "Kinesis",
        SourceKind.DynamoDbStreams => "DynamoDB",
        SourceKind.Msk => "Kafka",
        SourceKind.SelfManagedKafka => "self-managed Kafka",
        SourceKind.AmazonMq => "MQ",
        SourceKind.DocumentDb => "DocumentDB",
        _ => "unknown",
    };
}
