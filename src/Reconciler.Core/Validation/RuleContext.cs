using Reconciler.Core.Diagnostics;
using Reconciler.Core.Manifests;
using Reconciler.Core.Model;

namespace Reconciler.Core.Validation;

/// <summary>What a semantic rule sees: one mapping, its source kind, where its fields were written, the clock.</summary>
internal sealed record RuleContext(DesiredMapping Mapping, SourceKind Kind, NodeLocator Locator, TimeProvider Clock, DiagnosticBag Diagnostics)
{
    public MappingConfiguration Spec => Mapping.Spec;

    public void Error(string field, string message) => Diagnostics.Error(Locator.Value(field), field, message);

    public void Warning(string field, string message) => Diagnostics.Warning(Locator.Value(field), field, message);

    /// <summary>A field that may not be used with this source: point at its name.</summary>
    public void NotFor(string field, string appliesTo) =>
        Diagnostics.Error(Locator.Key(field), field, $"applies only to {appliesTo}; this mapping reads {KindName(Kind)}");

    public static string KindName(SourceKind kind) => kind switch
    {
        SourceKind.Sqs => "an SQS queue",
        SourceKind.Kinesis => "a Kinesis stream",
        SourceKind.DynamoDbStreams => "a DynamoDB stream",
        SourceKind.Msk => "an Amazon MSK cluster",
        SourceKind.SelfManagedKafka => "a self-managed Kafka cluster",
        SourceKind.AmazonMq => "an Amazon MQ broker",
        SourceKind.DocumentDb => "a DocumentDB change stream",
        _ => "an unknown source",
    };
}
