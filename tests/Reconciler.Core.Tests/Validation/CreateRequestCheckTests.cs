using Reconciler.Core.Model;
using Reconciler.Core.Validation;
using Reconciler.Testing;

namespace Reconciler.Core.Tests.Validation;

/// <summary>The request-level check apply runs before a replacement deletes the old mapping: tag limits counting
/// esmctl's own tags, the source rules as the recordings show them, and nothing refused that AWS accepts.</summary>
public sealed class CreateRequestCheckTests
{
    private static readonly TimeProvider Clock = new ManualTimeProvider(new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero));

    private static readonly MappingConfiguration Sqs = new() { FunctionName = "f", EventSourceArn = "arn:aws:sqs:us-east-1:123456789012:q" };

    private static readonly MappingConfiguration Kinesis = new()
    {
        FunctionName = "f", EventSourceArn = "arn:aws:kinesis:us-east-1:123456789012:stream/s", StartingPosition = "LATEST",
    };

    private static readonly MappingConfiguration SelfManagedKafka = new()
    {
        FunctionName = "f",
        SelfManagedEventSource = new SelfManagedEventSource(new Dictionary<string, IReadOnlyList<string>> { ["KAFKA_BOOTSTRAP_SERVERS"] = ["k1:9092"] }),
        Topics = ["orders"],
        SourceAccessConfigurations = [new SourceAccessConfiguration("SASL_SCRAM_512_AUTH", "arn:aws:secretsmanager:us-east-1:123456789012:secret:k")],
    };

    private static Dictionary<string, string> Tags(int user, string owner = "esmctl")
    {
        var tags = Enumerable.Range(0, user).ToDictionary(i => $"team-{i}", i => "v", StringComparer.Ordinal);
        tags[ManagedTags.ManagedBy] = owner;
        tags[ManagedTags.Name] = "m";
        return tags;
    }

    // case, request, "" for accepted or the field and a fragment of the problem
    public static TheoryData<string, MappingConfiguration, string, string> Cases => new()
    {
        { "48 user tags + esmctl's 2 = 50", Sqs with { Tags = Tags(48) }, "", "" },
        { "49 user tags + esmctl's 2 = 51", Sqs with { Tags = Tags(49) }, "tags", "49 tags plus esmctl's 2 (esmctl:managed-by, esmctl:name) make 51; AWS allows at most 50" },
        { "tag value charset (an owner with a !)", Sqs with { Tags = Tags(0, owner: "team a!") }, "tags.esmctl:managed-by", "a tag value is 0..256" },
        { "tag value length", Sqs with { Tags = Tags(0, owner: new string('o', 257)) }, "tags.esmctl:managed-by", "a tag value is 0..256" },
        { "tag value length", Sqs with { Tags = Tags(0, owner: new string('o', 256)) }, "", "" },
        { "tag key length", Sqs with { Tags = new Dictionary<string, string> { [new string('k', 129)] = "v" } }, "tags." + new string('k', 129), "a tag key is 1..128" },
        { "tag key charset", Sqs with { Tags = new Dictionary<string, string> { ["a#b"] = "v" } }, "tags.a#b", "a tag key is 1..128" },
        { "tag key charset", Sqs with { Tags = new Dictionary<string, string> { ["app.example.com/team name_x:y=z+w-v@u"] = "Ünïcödé 1" } }, "", "" },
        { "tag value with a trailing newline (AWS's pattern matches the whole value)", Sqs with { Tags = new Dictionary<string, string> { ["team"] = "payments\n" } }, "tags.team", "a tag value is 0..256" },
        { "a letter beyond the BMP is a letter (AWS's pattern is Java's, by code point)", Sqs with { Tags = new Dictionary<string, string> { ["\U00020000家"] = "\U00020000家" } }, "", "" },
        { "an emoji is no letter", Sqs with { Tags = new Dictionary<string, string> { ["mood"] = "\U0001F642" } }, "tags.mood", "a tag value is 0..256" },
        { "aws: is reserved", Sqs with { Tags = new Dictionary<string, string> { ["AWS:owner"] = "v" } }, "tags.AWS:owner", "reserved by AWS" },
        { "Kinesis batch 100 without a window (recorded default)", Kinesis with { BatchSize = 100 }, "", "" },
        { "Kinesis batch 10000 without a window", Kinesis with { BatchSize = 10000 }, "", "" },
        { "SQS batch over 10 without a window (recorded refusal)", Sqs with { BatchSize = 11 }, "batchSize", "Maximum batch window in seconds must be greater than 0" },
        { "SQS batch over 10 with a window", Sqs with { BatchSize = 100, MaximumBatchingWindowInSeconds = 1 }, "", "" },
        { "FIFO with a batching window (AWS: Batching window is not supported for FIFO queues)", Sqs with { EventSourceArn = "arn:aws:sqs:us-east-1:123456789012:q.fifo", BatchSize = 10, MaximumBatchingWindowInSeconds = 5 }, "maximumBatchingWindowInSeconds", "Batching window is not supported for FIFO queues" },
        { "FIFO with the default window of 0", Sqs with { EventSourceArn = "arn:aws:sqs:us-east-1:123456789012:q.fifo", BatchSize = 10, MaximumBatchingWindowInSeconds = 0 }, "", "" },
        { "FIFO at most 10, window or not", Sqs with { EventSourceArn = "arn:aws:sqs:us-east-1:123456789012:q.fifo", BatchSize = 11, MaximumBatchingWindowInSeconds = 5 }, "batchSize", "too large for a FIFO queue" },
        { "Kinesis needs startingPosition (recorded)", Kinesis with { StartingPosition = null }, "startingPosition", "required for a Kinesis stream" },
        { "self-managed Kafka without startingPosition (recorded: AWS uses TRIM_HORIZON)", SelfManagedKafka, "", "" },
        { "self-managed Kafka needs sourceAccessConfigurations (recorded)", SelfManagedKafka with { SourceAccessConfigurations = null }, "sourceAccessConfigurations", "Required 'sourceAccessConfigurations' parameter is missing." },
        { "MSK without sourceAccessConfigurations or startingPosition", new MappingConfiguration { FunctionName = "f", EventSourceArn = "arn:aws:kafka:us-east-1:123456789012:cluster/c/1", Topics = ["t"] }, "", "" },
        { "Amazon MQ needs BASIC_AUTH", new MappingConfiguration { FunctionName = "f", EventSourceArn = "arn:aws:mq:us-east-1:123456789012:broker:b:b-1", Queues = ["q"] }, "sourceAccessConfigurations", "needs a BASIC_AUTH entry" },
        { "DestinationConfig on SQS (recorded refusal)", Sqs with { DestinationConfig = new DestinationConfig(new OnFailure("arn:aws:sqs:us-east-1:123456789012:dlq"), null) }, "destinationConfig", "applies only to Kinesis" },
        { "no source (recorded: Unrecognized event source.)", new MappingConfiguration { FunctionName = "f" }, "", "missing the source" },
        { "unknown source (recorded: Unrecognized event source.)", Sqs with { EventSourceArn = "arn:aws:s3:::bucket" }, "eventSourceArn", "Unrecognized event source." },
        { "function in another region than the source", Sqs with { FunctionName = "arn:aws:lambda:eu-west-1:123456789012:function:f" }, "functionName", "the ARN is in eu-west-1 but the event source is in us-east-1" },
        { "timestamp in the future", Kinesis with { StartingPosition = "AT_TIMESTAMP", StartingPositionTimestamp = new DateTimeOffset(2026, 6, 2, 0, 0, 0, TimeSpan.Zero) }, "startingPositionTimestamp", "in the future" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Request(string rule, MappingConfiguration request, string field, string problem)
    {
        var problems = CreateRequestCheck.Check(request, Clock);
        if (problem.Length == 0)
        {
            Assert.True(problems.Count == 0, $"{rule}: expected no problem, got {string.Join("; ", problems)}");
            return;
        }
        Assert.True(problems.Any(p => p.Field == field && p.Message.Contains(problem, StringComparison.Ordinal)),
            $"{rule}: expected {field}: …{problem}…, got {string.Join("; ", problems)}");
    }

    [Fact]
    public void A_problem_prints_as_field_and_message()
    {
        var problem = Assert.Single(CreateRequestCheck.Check(Sqs with { BatchSize = 11 }, Clock));
        Assert.StartsWith("batchSize: a batch size over 10", problem.ToString());
    }

    [Fact]
    public void Warnings_are_not_problems()
    {
        // A DocumentDB manifest without startingPosition is warned about; the request itself is fine for AWS.
        var request = new MappingConfiguration
        {
            FunctionName = "f", EventSourceArn = "arn:aws:rds:us-east-1:123456789012:cluster:c",
            DocumentDBEventSourceConfig = new DocumentDBEventSourceConfig("db", null, null),
        };
        Assert.Empty(CreateRequestCheck.Check(request, Clock));
    }
}
