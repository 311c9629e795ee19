using Reconciler.Core.Api;
using Reconciler.Core.Model;
using Reconciler.Emulator.Tests.Support;

namespace Reconciler.Emulator.Tests.ControlPlane;

public class CreateValidationTests
{
    /// <summary>Outside the model's constraints: the service's request validation answers ValidationException.</summary>
    private static readonly Dictionary<string, MappingConfiguration> BrokenConstraints = new()
    {
        ["missing function name"] = Sources.Sqs() with { FunctionName = null },
        ["malformed function name"] = Sources.Sqs("not a function!"),
        ["unknown starting position"] = Sources.Kinesis() with { StartingPosition = "EARLIEST" },
        ["batch size 0"] = Sources.Sqs() with { BatchSize = 0 },
        ["batch size 10001"] = Sources.Kinesis() with { BatchSize = 10001 },
        ["batching window 301"] = Sources.Sqs() with { MaximumBatchingWindowInSeconds = 301 },
        ["parallelization 11"] = Sources.Kinesis() with { ParallelizationFactor = 11 },
        ["record age 604801"] = Sources.Kinesis() with { MaximumRecordAgeInSeconds = 604801 },
        ["retry attempts -2"] = Sources.Kinesis() with { MaximumRetryAttempts = -2 },
        ["retry attempts 10001"] = Sources.Kinesis() with { MaximumRetryAttempts = 10001 },
        ["tumbling window 901"] = Sources.Kinesis() with { TumblingWindowInSeconds = 901 },
        ["maximum concurrency 1"] = Sources.Sqs() with { ScalingConfig = new ScalingConfig(1) },
        ["maximum concurrency 1001"] = Sources.Sqs() with { ScalingConfig = new ScalingConfig(1001) },
        ["unknown function response type"] = Sources.Sqs() with { FunctionResponseTypes = ["ReportEverything"] },
        ["unknown metric"] = Sources.Sqs() with { MetricsConfig = new MetricsConfig(["Latency"]) },
        ["unknown log level"] = Sources.Msk() with { LoggingConfig = new LoggingConfig("TRACE") },
        ["unknown source access type"] = Sources.Mq() with { SourceAccessConfigurations = [new("PASSWORD", "secret")] },
        ["malformed on-failure destination"] = Sources.Kinesis() with { DestinationConfig = new DestinationConfig(new OnFailure("my-queue"), null) },
        ["two topics"] = Sources.Msk() with { Topics = ["topic-a", "topic-b"] },
        ["one-character topic (the model pattern needs two)"] = Sources.Msk() with { Topics = ["a"] },
        ["topic starting with a dot"] = Sources.Msk() with { Topics = [".hidden"] },
        ["unknown full document"] = Sources.DocumentDb() with { DocumentDBEventSourceConfig = new DocumentDBEventSourceConfig("db", null, "Everything") },
        ["unknown endpoint key"] = Sources.SelfManagedKafka() with
        {
            SelfManagedEventSource = new SelfManagedEventSource(new Dictionary<string, IReadOnlyList<string>> { ["SERVERS"] = ["a:9092"] }),
        },
        ["bootstrap server without port"] = Sources.SelfManagedKafka() with
        {
            SelfManagedEventSource = new SelfManagedEventSource(new Dictionary<string, IReadOnlyList<string>> { ["KAFKA_BOOTSTRAP_SERVERS"] = ["broker"] }),
        },
        ["minimum pollers 201"] = Sources.Sqs() with { ProvisionedPollerConfig = new ProvisionedPollerConfig(201, null, null) },
        ["kms key not an arn"] = Sources.Sqs() with { KmsKeyArn = "my-key" },
        ["tag key empty"] = Sources.Sqs() with { Tags = new Dictionary<string, string> { [""] = "v" } },
        ["tag key 129 characters"] = Sources.Sqs() with { Tags = new Dictionary<string, string> { [new string('k', 129)] = "v" } },
        ["tag value 257 characters"] = Sources.Sqs() with { Tags = new Dictionary<string, string> { ["k"] = new string('v', 257) } },
        ["tag value with forbidden character"] = Sources.Sqs() with { Tags = new Dictionary<string, string> { ["k"] = "a*b" } },
    };

    /// <summary>Within the model, but against the service's own rules: InvalidParameterValueException.</summary>
    private static readonly Dictionary<string, MappingConfiguration> BrokenRules = new()
    {
        ["function name over 64 characters"] = Sources.Sqs(new string('f', 65)),
        ["neither source"] = new() { FunctionName = "f" },
        ["both sources"] = Sources.SelfManagedKafka() with { EventSourceArn = Sources.ClusterArn },
        ["unsupported source service"] = Sources.Sqs() with { EventSourceArn = "arn:aws:s3:::bucket" },
        ["kinesis without starting position"] = Sources.Kinesis() with { StartingPosition = null },
        ["dynamodb without starting position"] = Sources.DynamoDb() with { StartingPosition = null },
        ["starting position on sqs"] = Sources.Sqs() with { StartingPosition = "LATEST" },
        ["AT_TIMESTAMP on dynamodb"] = Sources.DynamoDb() with { StartingPosition = "AT_TIMESTAMP", StartingPositionTimestamp = Planes.Start.AddDays(-1) },
        ["AT_TIMESTAMP without timestamp"] = Sources.Kinesis() with { StartingPosition = "AT_TIMESTAMP" },
        ["timestamp in the future"] = Sources.Kinesis() with { StartingPosition = "AT_TIMESTAMP", StartingPositionTimestamp = Planes.Start.AddMinutes(1) },
        ["timestamp without AT_TIMESTAMP"] = Sources.Kinesis() with { StartingPositionTimestamp = Planes.Start.AddDays(-1) },
        ["fifo batch size 11"] = Sources.Fifo() with { BatchSize = 11 },
        ["fifo batching window"] = Sources.Fifo() with { MaximumBatchingWindowInSeconds = 5 },
        ["fifo batch 100 with a window"] = Sources.Fifo() with { BatchSize = 100, MaximumBatchingWindowInSeconds = 5 },
        ["sqs batch over 10 without window"] = Sources.Sqs() with { BatchSize = 11 },
        ["sqs batch over 10 with window 0"] = Sources.Sqs() with { BatchSize = 100, MaximumBatchingWindowInSeconds = 0 },
        ["parallelization on sqs"] = Sources.Sqs() with { ParallelizationFactor = 2 },
        ["record age 0"] = Sources.Kinesis() with { MaximumRecordAgeInSeconds = 0 },
        ["record age 59"] = Sources.Kinesis() with { MaximumRecordAgeInSeconds = 59 },
        ["retry attempts on sqs"] = Sources.Sqs() with { MaximumRetryAttempts = 3 },
        ["scaling config on kinesis"] = Sources.Kinesis() with { ScalingConfig = new ScalingConfig(5) },
        ["malformed filter pattern"] = Sources.Sqs() with { FilterCriteria = new FilterCriteria([new Filter("{\"body\": ")]) },
        ["filter pattern not an object"] = Sources.Sqs() with { FilterCriteria = new FilterCriteria([new Filter("[1,2]")]) },
        ["filter pattern null"] = Sources.Sqs() with { FilterCriteria = new FilterCriteria([new Filter("null")]) },
        ["filter pattern a plain string"] = Sources.Sqs() with { FilterCriteria = new FilterCriteria([new Filter("simple string")]) },
        ["filter value not in an array"] = Sources.Sqs() with { FilterCriteria = new FilterCriteria([new Filter("{\"eventSource\": \"aws:sqs\"}")]) },
        ["filter with an empty array"] = Sources.Sqs() with { FilterCriteria = new FilterCriteria([new Filter("{\"eventSource\": []}")]) },
        ["function response types on mq"] = Sources.Mq() with { FunctionResponseTypes = ["ReportBatchItemFailures"] },
        ["kafka metric on sqs"] = Sources.Sqs() with { MetricsConfig = new MetricsConfig(["KafkaMetrics"]) },
        ["logging config on sqs"] = Sources.Sqs() with { LoggingConfig = new LoggingConfig("INFO") },
        ["on-success destination"] = Sources.Kinesis() with { DestinationConfig = new DestinationConfig(null, new OnSuccess("arn:aws:sqs:us-east-1:123456789012:ok")) },
        ["on-failure without destination"] = Sources.Kinesis() with { DestinationConfig = new DestinationConfig(new OnFailure(null), null) },
        ["destination on sqs"] = Sources.Sqs() with { DestinationConfig = new DestinationConfig(new OnFailure("arn:aws:sqs:us-east-1:123456789012:dlq"), null) },
        ["topics on sqs"] = Sources.Sqs() with { Topics = ["ab"] },
        ["queues on sqs"] = Sources.Sqs() with { Queues = ["a"] },
        ["msk without topics"] = Sources.Msk() with { Topics = null },
        ["kafka without topics"] = Sources.SelfManagedKafka() with { Topics = null },
        ["kafka without access configurations"] = Sources.SelfManagedKafka() with { SourceAccessConfigurations = null },
        ["msk config on kafka"] = Sources.SelfManagedKafka() with { AmazonManagedKafkaEventSourceConfig = new KafkaEventSourceConfig("g", null) },
        ["docdb config on sqs"] = Sources.Sqs() with { DocumentDBEventSourceConfig = new DocumentDBEventSourceConfig("db", null, null) },
        ["docdb without database"] = Sources.DocumentDb() with { DocumentDBEventSourceConfig = new DocumentDBEventSourceConfig(null, "orders", null) },
        ["pollers on kinesis"] = Sources.Kinesis() with { ProvisionedPollerConfig = new ProvisionedPollerConfig(1, 2, null) },
        ["sqs minimum pollers 1"] = Sources.Sqs() with { ProvisionedPollerConfig = new ProvisionedPollerConfig(1, null, null) },
        ["sqs maximum pollers 1"] = Sources.Sqs() with { ProvisionedPollerConfig = new ProvisionedPollerConfig(null, 1, null) },
        ["sqs pollers and maximum concurrency"] = Sources.Sqs() with { ProvisionedPollerConfig = new ProvisionedPollerConfig(2, 10, null), ScalingConfig = new ScalingConfig(5) },
        ["poller group on sqs"] = Sources.Sqs() with { ProvisionedPollerConfig = new ProvisionedPollerConfig(2, 10, "group") },
        ["more than fifty tags"] = Sources.Sqs() with { Tags = Enumerable.Range(0, 51).ToDictionary(i => $"k{i}", _ => "v") },
    };

    public static TheoryData<string> BrokenConstraintCases => new(BrokenConstraints.Keys);

    public static TheoryData<string> BrokenRuleCases => new(BrokenRules.Keys);

    [Theory]
    [MemberData(nameof(BrokenConstraintCases))]
    public async Task Create_outside_the_models_constraints_is_a_validation_error_and_stores_nothing(string name)
    {
        var plane = Planes.InMemory();

        var error = await Planes.Rejects(() => plane.CreateAsync(BrokenConstraints[name], CancellationToken.None));

        Assert.Equal(("ValidationException", 400), (error.ErrorCode, error.StatusCode));
        Assert.Matches("^1 validation error detected: Value .* at '[a-zA-Z.0-9]+' failed to satisfy constraint: (Member|Map keys|Map value) must", error.ServiceMessage);
        Assert.Empty((await plane.ListAsync(new(), CancellationToken.None)).Mappings);
    }

    [Theory]
    [MemberData(nameof(BrokenRuleCases))]
    public async Task Create_against_the_services_rules_is_an_invalid_parameter_and_stores_nothing(string name)
    {
        var plane = Planes.InMemory();

        var error = await Planes.Rejects(() => plane.CreateAsync(BrokenRules[name], CancellationToken.None));

        Assert.Equal((LambdaErrorCodes.InvalidParameterValue, 400), (error.ErrorCode, error.StatusCode));
        Assert.Empty((await plane.ListAsync(new(), CancellationToken.None)).Mappings);
    }

    public static TheoryData<string, string> RecordedMessages => new()
    {
        { "unknown starting position", "1 validation error detected: Value 'EARLIEST' at 'startingPosition' failed to satisfy constraint: Member must satisfy enum value set: [LATEST, AT_TIMESTAMP, TRIM_HORIZON]" },
        { "missing function name", "1 validation error detected: Value null at 'functionName' failed to satisfy constraint: Member must not be null" },
        { "batch size 10001", "1 validation error detected: Value '10001' at 'batchSize' failed to satisfy constraint: Member must have value less than or equal to 10000" },
        { "two topics", "1 validation error detected: Value '[topic-a, topic-b]' at 'topics' failed to satisfy constraint: Member must have length less than or equal to 1" },
        { "unknown function response type", "1 validation error detected: Value '[ReportEverything]' at 'functionResponseTypes' failed to satisfy constraint: Member must satisfy constraint: [Member must satisfy enum value set: [ReportBatchItemFailures]]" },
        { "unknown source access type", "1 validation error detected: Value 'PASSWORD' at 'sourceAccessConfigurations.1.member.type' failed to satisfy constraint: Member must satisfy enum value set: [BASIC_AUTH, VPC_SUBNET, VPC_SECURITY_GROUP, SASL_SCRAM_512_AUTH, SASL_SCRAM_256_AUTH, VIRTUAL_HOST, CLIENT_CERTIFICATE_TLS_AUTH, SERVER_ROOT_CA_CERTIFICATE]" },
        { "maximum concurrency 1", "1 validation error detected: Value '1' at 'scalingConfig.maximumConcurrency' failed to satisfy constraint: Member must have value greater than or equal to 2" },
        { "kinesis without starting position", "1 validation error detected: Value null at 'startingPosition' failed to satisfy constraint: Member must not be null." },
        { "AT_TIMESTAMP on dynamodb", $"Unsupported starting position for arn type: {Sources.TableStreamArn}" },
        { "neither source", "Unrecognized event source." },
        { "kafka without access configurations", "Required 'sourceAccessConfigurations' parameter is missing." },
        { "sqs batch over 10 without window", "Maximum batch window in seconds must be greater than 0 if maximum batch size is greater than 10" },
        { "filter value not in an array", "Invalid filter pattern definition." },
        { "filter with an empty array", "Invalid filter pattern definition." },
        { "filter pattern null", "Invalid filter pattern definition." },
        { "filter pattern a plain string", "Invalid filter pattern definition." },
        { "destination on sqs", "Unsupported DestinationConfig parameter for given event source mapping type." },
        { "on-success destination", "Unsupported DestinationConfig parameter for given event source mapping type." },
        { "on-failure without destination", "The Destination field is required for an OnFailure configuration." },
        { "more than fifty tags", "Number of tags exceeds resource tag limit." },
        // As CloudFormation relayed it from Lambda for BatchSize 100 with a 5 s window on a FIFO queue (aws/aws-lambda-dotnet#1758).
        { "fifo batching window", "Batching window is not supported for FIFO queues" },
        { "fifo batch 100 with a window", "Batching window is not supported for FIFO queues" },
    };

    [Theory]
    [MemberData(nameof(RecordedMessages))]
    public async Task Errors_are_worded_as_AWS_words_them(string name, string message)
    {
        var request = BrokenConstraints.TryGetValue(name, out var broken) ? broken : BrokenRules[name];

        var error = await Planes.Rejects(() => Planes.InMemory().CreateAsync(request, CancellationToken.None));

        Assert.Equal(message, error.ServiceMessage);
    }

    [Fact]
    public async Task Every_broken_constraint_is_reported_at_once()
    {
        var error = await Planes.Rejects(() => Planes.InMemory().CreateAsync(
            Sources.Kinesis() with { BatchSize = 0, ParallelizationFactor = 11 }, CancellationToken.None));

        Assert.Equal(
            "2 validation errors detected: Value '0' at 'batchSize' failed to satisfy constraint: Member must have value greater than or equal to 1; " +
            "Value '11' at 'parallelizationFactor' failed to satisfy constraint: Member must have value less than or equal to 10",
            error.ServiceMessage);
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
        ["sqs empty destination"] = Sources.Sqs() with { DestinationConfig = new DestinationConfig(null, null) },
        ["msk without starting position"] = Sources.Msk() with { StartingPosition = null },
        ["kafka without starting position"] = Sources.SelfManagedKafka() with { StartingPosition = null },
        ["stream batch over 10 with window 0 (the rule is SQS's)"] = Sources.Kinesis() with { BatchSize = 500, MaximumBatchingWindowInSeconds = 0 },
        ["dynamodb batch 10000 with the default window"] = Sources.DynamoDb() with { BatchSize = 10000 },
        ["sqs provisioned pollers at the SQS minimum"] = Sources.Sqs() with { ProvisionedPollerConfig = new ProvisionedPollerConfig(2, 2, null) },
        ["msk one poller and a poller group"] = Sources.Msk() with { ProvisionedPollerConfig = new ProvisionedPollerConfig(1, 1, "group") },
        ["fifty tags"] = Sources.Sqs() with { Tags = Enumerable.Range(0, 50).ToDictionary(i => $"k{i}", _ => "v") },
        ["filter using every operator"] = Sources.Sqs() with
        {
            FilterCriteria = new FilterCriteria([new Filter("""{"body":{"a":[{"prefix":"x"}],"b":[{"suffix":{"equals-ignore-case":"Y"}}],"c":[{"anything-but":["p","q"]}],"d":[{"numeric":[">=",0,"<",10]}],"e":[{"exists":false}],"f":[{"cidr":"10.0.0.0/24"}],"g":[{"wildcard":"a*b"}],"h":[{"equals-ignore-case":"Z"}],"i":[null,true,1.5,"s"],"$or":[{"j":["1"]},{"k":[{"anything-but":{"prefix":"t"}}]}]}}""")]),
        },
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
