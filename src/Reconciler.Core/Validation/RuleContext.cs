using Reconciler.Core.Diagnostics;
using Reconciler.Core.Model;

namespace Reconciler.Core.Validation;

/// <summary>What a request rule sees: the CreateEventSourceMapping request, its source kind and the clock; what it
/// finds is collected in <see cref="Findings"/>. Fields are named as in manifests, without <c>spec.</c>.</summary>
internal sealed class RuleContext(MappingConfiguration request, TimeProvider clock)
{
    private readonly List<RuleFinding> _findings = [];

    public MappingConfiguration Request { get; } = request;

    public SourceKind Kind { get; } = EventSource.KindOf(request);

    public TimeProvider Clock { get; } = clock;

    /// <summary>The region the request will be sent to, when known (a manifest's metadata.region): every ARN in the
    /// request must be there. Without it, the source's region is the reference.</summary>
    public string? Region { get; init; }

    /// <summary>Whether an element of a collection was rejected before the rules ran (<c>filterCriteria.filters[1]</c>,
    /// <c>tags.team</c>; see <see cref="RejectedFields"/>): a rule skips that element and checks the others.</summary>
    public Func<string, bool> ElementRejected { get; init; } = _ => false;

    public IReadOnlyList<RuleFinding> Findings => _findings;

    public void Error(string field, string message, ValuePlace? within = null) =>
        _findings.Add(new RuleFinding(Severity.Error, field, message, Within: within));

    /// <summary>An error about the field's presence, shown at its name.</summary>
    public void ErrorAtKey(string field, string message) => _findings.Add(new RuleFinding(Severity.Error, field, message, AtKey: true));

    public void Warning(string field, string message, ValuePlace? within = null) =>
        _findings.Add(new RuleFinding(Severity.Warning, field, message, Within: within));

    /// <summary>A field that may not be used with this source: point at its name.</summary>
    public void NotFor(string field, string appliesTo) =>
        ErrorAtKey(field, $"applies only to {appliesTo}; this mapping reads {KindName(Kind)}");

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
