namespace Reconciler.Core.Model;

/// <summary>What kind of event source a mapping reads, which decides the rules and defaults that apply.</summary>
public enum SourceKind
{
    Unknown,
    Sqs,
    Kinesis,
    DynamoDbStreams,
    Msk,
    SelfManagedKafka,
    AmazonMq,
    DocumentDb,
}
