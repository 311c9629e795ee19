using FsCheck;
using FsCheck.Fluent;
using Reconciler.Core.Model;

namespace Reconciler.Core.Tests.Convergence;

/// <summary>
/// Random but valid mapping configurations of every source kind, as a user could write them. Index <c>i</c> makes
/// each mapping's event source unique, so two desired mappings never collide on a natural key.
/// </summary>
internal static class MappingGenerators
{
    private const string Prefix = "arn:aws:";
    private const string Account = "123456789012";
    private const string Secret = "arn:aws:secretsmanager:us-east-1:123456789012:secret:broker-credentials";

    public static readonly string[] Kinds = ["sqs", "fifo", "kinesis", "dynamodb", "msk", "kafka", "mq", "docdb"];

    private static readonly Gen<string> Functions = Gen.Elements(
        "fn-a", "fn-b", "fn-b:live", $"{Account}:function:fn-c", $"arn:aws:lambda:us-east-1:{Account}:function:fn-d");

    private static readonly Gen<bool?> Enabled = Gen.Elements<bool?>(null, true, false);

    private static readonly Gen<IReadOnlyDictionary<string, string>?> Tags = Gen.Elements<IReadOnlyDictionary<string, string>?>(
        null,
        new Dictionary<string, string> { ["team"] = "payments" },
        new Dictionary<string, string> { ["team"] = "search", ["env"] = "prod" });

    private static readonly Gen<FilterCriteria?> Filters = Gen.Elements<FilterCriteria?>(
        null,
        new FilterCriteria([new Filter("""{"body":{"type":["order"]}}""")]),
        new FilterCriteria([new Filter("""{ "body" : { "type" : ["refund"], "amount": [{"numeric": [">", 0]}] } }"""), new Filter("""{"body":{"type":["order"]}}""")]));

    private static readonly Gen<IReadOnlyList<string>?> ResponseTypes =
        Gen.Elements<IReadOnlyList<string>?>(null, [], ["ReportBatchItemFailures"]);

    public static Gen<MappingConfiguration> Spec(string kind, int index) => kind switch
    {
        "sqs" => Sqs($"{Prefix}sqs:us-east-1:{Account}:queue-{index}", fifo: false),
        "fifo" => Sqs($"{Prefix}sqs:us-east-1:{Account}:queue-{index}.fifo", fifo: true),
        "kinesis" => Stream($"{Prefix}kinesis:us-east-1:{Account}:stream/stream-{index}"),
        "dynamodb" => Stream($"{Prefix}dynamodb:us-east-1:{Account}:table/table-{index}/stream/2026-01-01T00:00:00.000"),
        "msk" => Kafka(index, managed: true),
        "kafka" => Kafka(index, managed: false),
        "mq" => Mq(index),
        _ => DocumentDb(index),
    };

    private static Gen<MappingConfiguration> Sqs(string arn, bool fifo) =>
        from function in Functions
        from enabled in Enabled
        from batch in fifo ? Gen.Elements<int?>(null, 1, 10) : Gen.Elements<int?>(null, 1, 10, 50, 500)
        from window in batch > 10 ? Gen.Elements<int?>(1, 5, 300) : fifo ? Gen.Elements<int?>(null, 0) : Gen.Elements<int?>(null, 0, 5)
        from scaling in Gen.Elements<ScalingConfig?>(null, new ScalingConfig(2), new ScalingConfig(50))
        from filters in Filters
        from responses in ResponseTypes
        from tags in Tags
        select new MappingConfiguration
        {
            FunctionName = function,
            EventSourceArn = arn,
            Enabled = enabled,
            BatchSize = batch,
            MaximumBatchingWindowInSeconds = window,
            ScalingConfig = scaling,
            FilterCriteria = filters,
            FunctionResponseTypes = responses,
            Tags = tags,
        };

    private static Gen<MappingConfiguration> Stream(string arn) =>
        from function in Functions
        from enabled in Enabled
        from position in Gen.Elements("LATEST", "TRIM_HORIZON")
        from batch in Gen.Elements<int?>(null, 10, 500)
        from window in batch > 10 ? Gen.Elements<int?>(1, 10) : Gen.Elements<int?>(null, 0, 10)
        from parallelization in Gen.Elements<int?>(null, 1, 4, 10)
        from retries in Gen.Elements<int?>(null, -1, 0, 3)
        from age in Gen.Elements<int?>(null, -1, 60, 3600)
        from bisect in Gen.Elements<bool?>(null, false, true)
        from tumbling in Gen.Elements<int?>(null, 0, 60)
        from destination in Gen.Elements<DestinationConfig?>(
            null, new DestinationConfig(new OnFailure($"{Prefix}sqs:us-east-1:{Account}:dlq"), null))
        from filters in Filters
        from responses in ResponseTypes
        from tags in Tags
        select new MappingConfiguration
        {
            FunctionName = function,
            EventSourceArn = arn,
            Enabled = enabled,
            StartingPosition = position,
            BatchSize = batch,
            MaximumBatchingWindowInSeconds = window,
            ParallelizationFactor = parallelization,
            MaximumRetryAttempts = retries,
            MaximumRecordAgeInSeconds = age,
            BisectBatchOnFunctionError = bisect,
            TumblingWindowInSeconds = tumbling,
            DestinationConfig = destination,
            FilterCriteria = filters,
            FunctionResponseTypes = responses,
            Tags = tags,
        };

    private static Gen<MappingConfiguration> Kafka(int index, bool managed) =>
        from function in Functions
        from enabled in Enabled
        from position in Gen.Elements("LATEST", "TRIM_HORIZON")
        from batch in Gen.Elements<int?>(null, 100, 1000)
        from consumerGroup in Gen.Elements<string?>(null, $"group-{index}")
        from filters in Filters
        from tags in Tags
        select new MappingConfiguration
        {
            FunctionName = function,
            EventSourceArn = managed ? $"{Prefix}kafka:us-east-1:{Account}:cluster/cluster-{index}/abcd1234-ab12-cd34-ef56-abcdef123456-1" : null,
            SelfManagedEventSource = managed ? null : new SelfManagedEventSource(new Dictionary<string, IReadOnlyList<string>>
            {
                ["KAFKA_BOOTSTRAP_SERVERS"] = [$"broker-{index}-b.example.com:9092", $"broker-{index}-a.example.com:9092"],
            }),
            SourceAccessConfigurations = managed ? null : [new SourceAccessConfiguration("SASL_SCRAM_512_AUTH", Secret)],
            Topics = [$"topic-{index}"],
            StartingPosition = position,
            Enabled = enabled,
            BatchSize = batch,
            AmazonManagedKafkaEventSourceConfig = managed && consumerGroup is not null ? new KafkaEventSourceConfig(consumerGroup, null) : null,
            SelfManagedKafkaEventSourceConfig = !managed && consumerGroup is not null ? new KafkaEventSourceConfig(consumerGroup, null) : null,
            FilterCriteria = filters,
            Tags = tags,
        };

    private static Gen<MappingConfiguration> Mq(int index) =>
        from function in Functions
        from enabled in Enabled
        from batch in Gen.Elements<int?>(null, 10, 100)
        from tags in Tags
        select new MappingConfiguration
        {
            FunctionName = function,
            EventSourceArn = $"{Prefix}mq:us-east-1:{Account}:broker:broker-{index}:b-1234a5b6-78cd-901e-2fgh-3i45j6k178l9",
            Queues = [$"jobs-{index}"],
            SourceAccessConfigurations = [new SourceAccessConfiguration("BASIC_AUTH", Secret)],
            Enabled = enabled,
            BatchSize = batch,
            Tags = tags,
        };

    private static Gen<MappingConfiguration> DocumentDb(int index) =>
        from function in Functions
        from enabled in Enabled
        from batch in Gen.Elements<int?>(null, 50, 100)
        from full in Gen.Elements<string?>(null, "UpdateLookup", "Default")
        from collection in Gen.Elements<string?>(null, "orders")
        from tags in Tags
        select new MappingConfiguration
        {
            FunctionName = function,
            EventSourceArn = $"{Prefix}rds:us-east-1:{Account}:cluster:docdb-{index}",
            StartingPosition = "LATEST",
            DocumentDBEventSourceConfig = new DocumentDBEventSourceConfig("shop", collection, full),
            Enabled = enabled,
            BatchSize = batch,
            Tags = tags,
        };

    /// <summary>A second configuration for the same source, keeping the create-only fields of <paramref name="desired"/>,
    /// so the difference between the two is one that Update (and tagging) can close.</summary>
    public static MappingConfiguration WithCreateOnlyOf(MappingConfiguration other, MappingConfiguration desired) => other with
    {
        EventSourceArn = desired.EventSourceArn,
        SelfManagedEventSource = desired.SelfManagedEventSource,
        StartingPosition = desired.StartingPosition,
        StartingPositionTimestamp = desired.StartingPositionTimestamp,
        Topics = desired.Topics,
        Queues = desired.Queues,
        AmazonManagedKafkaEventSourceConfig = desired.AmazonManagedKafkaEventSourceConfig,
        SelfManagedKafkaEventSourceConfig = desired.SelfManagedKafkaEventSourceConfig,
    };
}
