using Reconciler.Core.Api;
using Reconciler.Core.Model;
using Reconciler.Emulator.Tests.Support;

namespace Reconciler.Emulator.Tests.ControlPlane;

public class CreateValidationTests
{
    private static readonly Dictionary<string, MappingConfiguration> Invalid = new()
    {
        ["missing function name"] = Sources.Sqs() with { FunctionName = null },
        ["malformed function name"] = Sources.Sqs("not a function!"),
        ["function name over 64 characters"] = Sources.Sqs(new string('f', 65)),
        ["neither source"] = new() { FunctionName = "f" },
        ["both sources"] = Sources.SelfManagedKafka() with { EventSourceArn = Sources.ClusterArn },
        ["unsupported source service"] = Sources.Sqs() with { EventSourceArn = "arn:aws:s3:::bucket" },
        ["kinesis without starting position"] = Sources.Kinesis() with { StartingPosition = null },
        ["dynamodb without starting position"] = Sources.DynamoDb() with { StartingPosition = null },
        ["msk without starting position"] = Sources.Msk() with { StartingPosition = null },
        ["kafka without starting position"] = Sources.SelfManagedKafka() with { StartingPosition = null },
        ["unknown starting position"] = Sources.Kinesis() with { StartingPosition = "EARLIEST" },
        ["starting position on sqs"] = Sources.Sqs() with { StartingPosition = "LATEST" },
        ["AT_TIMESTAMP on dynamodb"] = Sources.DynamoDb() with { StartingPosition = "AT_TIMESTAMP", StartingPositionTimestamp = Planes.Start.AddDays(-1) },
        ["AT_TIMESTAMP without timestamp"] = Sources.Kinesis() with { StartingPosition = "AT_TIMESTAMP" },
        ["timestamp in the future"] = Sources.Kinesis() with { StartingPosition = "AT_TIMESTAMP", StartingPositionTimestamp = Planes.Start.AddMinutes(1) },
        ["timestamp without AT_TIMESTAMP"] = Sources.Kinesis() with { StartingPositionTimestamp = Planes.Start.AddDays(-1) },
        ["batch size 0"] = Sources.Sqs() with { BatchSize = 0 },
        ["batch size 10001"] = Sources.Kinesis() with { BatchSize = 10001 },
        ["fifo batch size 11"] = Sources.Fifo() with { BatchSize = 11, MaximumBatchingWindowInSeconds = 1 },
        ["sqs batch over 10 without window"] = Sources.Sqs() with { BatchSize = 11 },
        ["sqs batch over 10 with window 0"] = Sources.Sqs() with { BatchSize = 100, MaximumBatchingWindowInSeconds = 0 },
        ["batching window 301"] = Sources.Sqs() with { MaximumBatchingWindowInSeconds = 301 },
        ["parallelization 11"] = Sources.Kinesis() with { ParallelizationFactor = 11 },
        ["parallelization on sqs"] = Sources.Sqs() with { ParallelizationFactor = 2 },
        ["record age 0"] = Sources.Kinesis() with { MaximumRecordAgeInSeconds = 0 },
        ["record age 59"] = Sources.Kinesis() with { MaximumRecordAgeInSeconds = 59 },
        ["record age 604801"] = Sources.Kinesis() with { MaximumRecordAgeInSeconds = 604801 },
        ["retry attempts -2"] = Sources.Kinesis() with { MaximumRetryAttempts = -2 },
        ["retry attempts 10001"] = Sources.Kinesis() with { MaximumRetryAttempts = 10001 },
        ["retry attempts on sqs"] = Sources.Sqs() with { MaximumRetryAttempts = 3 },
        ["tumbling window 901"] = Sources.Kinesis() with { TumblingWindowInSeconds = 901 },
        ["scaling config on kinesis"] = Sources.Kinesis() with { ScalingConfig = new ScalingConfig(5) },
        ["maximum concurrency 1"] = Sources.Sqs() with { ScalingConfig = new ScalingConfig(1) },
        ["maximum concurrency 1001"] = Sources.Sqs() with { ScalingConfig = new ScalingConfig(1001) },
        ["malformed filter pattern"] = Sources.Sqs() with { FilterCriteria = new FilterCriteria([new Filter("{\"body\": ")]) },
        ["filter pattern not an object"] = Sources.Sqs() with { FilterCriteria = new FilterCriteria([new Filter("[1,2]")]) },
        ["unknown function response type"] = Sources.Sqs() with { FunctionResponseTypes = ["ReportEverything"] },
        ["function response types on mq"] = Sources.Mq() with { FunctionResponseTypes = ["ReportBatchItemFailures"] },
        ["unknown metric"] = Sources.Sqs() with { MetricsConfig = new MetricsConfig(["Latency"]) },
        ["kafka metric on sqs"] = Sources.Sqs() with { MetricsConfig = new MetricsConfig(["KafkaMetrics"]) },
        ["logging config on sqs"] = Sources.Sqs() with { LoggingConfig = new LoggingConfig("INFO") },
        ["unknown log level"] = Sources.Msk() with { LoggingConfig = new LoggingConfig("TRACE") },
        ["unknown source access type"] = Sources.Mq() with { SourceAccessConfigurations = [new("PASSWORD", "secret")] },
        ["on-success destination"] = Sources.Kinesis() with { DestinationConfig = new DestinationConfig(null, new OnSuccess("arn:aws:sqs:us-east-1:123456789012:ok")) },
        ["malformed on-failure destination"] = Sources.Kinesis() with { DestinationConfig = new DestinationConfig(new OnFailure("my-queue"), null) },
        ["destination on sqs"] = Sources.Sqs() with { DestinationConfig = new DestinationConfig(new OnFailure("arn:aws:sqs:us-east-1:123456789012:dlq"), null) },
        ["two topics"] = Sources.Msk() with { Topics = ["topic-a", "topic-b"] },
        ["one-character topic (the model pattern needs two)"] = Sources.Msk() with { Topics = ["a"] },
        ["topic starting with a dot"] = Sources.Msk() with { Topics = [".hidden"] },
        ["topics on sqs"] = Sources.Sqs() with { Topics = ["a"] },
        ["queues on sqs"] = Sources.Sqs() with { Queues = ["a"] },
        ["msk config on kafka"] = Sources.SelfManagedKafka() with { AmazonManagedKafkaEventSourceConfig = new KafkaEventSourceConfig("g", null) },
        ["docdb config on sqs"] = Sources.Sqs() with { DocumentDBEventSourceConfig = new DocumentDBEventSourceConfig("db", null, null) },
        ["unknown full document"] = Sources.DocumentDb() with { DocumentDBEventSourceConfig = new DocumentDBEventSourceConfig("db", null, "Everything") },
        ["unknown endpoint key"] = Sources.SelfManagedKafka() with
        {
            SelfManagedEventSource = new SelfManagedEventSource(new Dictionary<string, IReadOnlyList<string>> { ["SERVERS"] = ["a:9092"] }),
        },
        ["pollers on kinesis"] = Sources.Kinesis() with { ProvisionedPollerConfig = new ProvisionedPollerConfig(1, 2, null) },
        ["minimum pollers 201"] = Sources.Sqs() with { ProvisionedPollerConfig = new ProvisionedPollerConfig(201, null, null) },
        ["kms key not an arn"] = Sources.Sqs() with { KmsKeyArn = "my-key" },
        ["tag key empty"] = Sources.Sqs() with { Tags = new Dictionary<string, string> { [""] = "v" } },
        ["tag key 129 characters"] = Sources.Sqs() with { Tags = new Dictionary<string, string> { [new string('k', 129)] = "v" } },
        ["tag value 257 characters"] = Sources.Sqs() with { Tags = new Dictionary<string, string> { ["k"] = new string('v', 257) } },
        ["tag value with forbidden character"] = Sources.Sqs() with { Tags = new Dictionary<string, string> { ["k"] = "a*b" } },
    };

    public static TheoryData<string> InvalidCases => new(Invalid.Keys);

    [Theory]
    [MemberData(nameof(InvalidCases))]
    public async Task Create_rejects_what_AWS_rejects_and_stores_nothing(string name)
    {
        var plane = Planes.InMemory();

        var error = await Planes.Rejects(() => plane.CreateAsync(Invalid[name], CancellationToken.None));

        Assert.Equal(LambdaErrorCodes.InvalidParameterValue, error.ErrorCode);
        Assert.Equal(400, error.StatusCode);
        Assert.Empty((await plane.ListAsync(new(), CancellationToken.None)).Mappings);
    }

    private static readonly Dictionary<string, MappingConfiguration> Valid = new()
    {
        ["sqs batch over 10 with window"] = Sources.Sqs() with { BatchSize = 100, MaximumBatchingWindowInSeconds = 1 },
        ["fifo batch 10"] = Sources.Fifo() with { BatchSize = 10 },
        ["record age -1"] = Sources.Kinesis() with { MaximumRecordAgeInSeconds = -1 },
        ["record age 60"] = Sources.Kinesis() with { MaximumRecordAgeInSeconds = 60 },
        ["AT_TIMESTAMP on kinesis now"] = Sources.Kinesis() with { StartingPosition = "AT_TIMESTAMP", StartingPositionTimestamp = Planes.Start },
        ["kafka metrics on msk"] = Sources.Msk() with { MetricsConfig = new MetricsConfig(["EventCount", "ErrorCount", "KafkaMetrics"]) },
        ["kafka on-failure topic"] = Sources.Msk() with { DestinationConfig = new DestinationConfig(new OnFailure("kafka://failures"), null) },
        ["sqs empty destination"] = Sources.Sqs() with { DestinationConfig = new DestinationConfig(new OnFailure(null), null) },
        ["tag value empty"] = Sources.Sqs() with { Tags = new Dictionary<string, string> { ["k"] = "" } },
        ["filter pattern"] = Sources.Sqs() with { FilterCriteria = new FilterCriteria([new Filter("{\"body\":{\"kind\":[\"order\"]}}")]) },
        ["docdb without starting position"] = Sources.DocumentDb() with { StartingPosition = null },
    };

    public static TheoryData<string> ValidCases => new(Valid.Keys);

    [Theory]
    [MemberData(nameof(ValidCases))]
    public async Task Create_accepts_values_at_the_edges_of_what_AWS_allows(string name)
    {
        var plane = Planes.InMemory();

        var created = await plane.CreateAsync(Valid[name], CancellationToken.None);

        Assert.Equal(MappingStates.Creating, created.State);
    }
}
