using Reconciler.Core.Model;

namespace Reconciler.Emulator.Tests.Support;

/// <summary>Minimal valid Create requests for each kind of event source.</summary>
internal static class Sources
{
    public const string QueueArn = "arn:aws:sqs:us-east-1:123456789012:orders";
    public const string FifoQueueArn = "arn:aws:sqs:us-east-1:123456789012:orders.fifo";
    public const string StreamArn = "arn:aws:kinesis:us-east-1:123456789012:stream/clicks";
    public const string TableStreamArn = "arn:aws:dynamodb:us-east-1:123456789012:table/users/stream/2026-01-01T00:00:00.000";
    public const string ClusterArn = "arn:aws:kafka:us-east-1:123456789012:cluster/events/abcd1234-ab12-cd34-ef56-abcdef123456-1";
    public const string BrokerArn = "arn:aws:mq:us-east-1:123456789012:broker:rabbit:b-1234a5b6-78cd-901e-2fgh-3i45j6k178l9";
    public const string DocDbArn = "arn:aws:rds:us-east-1:123456789012:cluster:docs";

    public static MappingConfiguration Sqs(string function = "orders-handler") =>
        new() { FunctionName = function, EventSourceArn = QueueArn };

    public static MappingConfiguration Fifo(string function = "orders-handler") =>
        new() { FunctionName = function, EventSourceArn = FifoQueueArn };

    public static MappingConfiguration Kinesis(string function = "clicks-handler") =>
        new() { FunctionName = function, EventSourceArn = StreamArn, StartingPosition = "LATEST" };

    public static MappingConfiguration DynamoDb(string function = "users-handler") =>
        new() { FunctionName = function, EventSourceArn = TableStreamArn, StartingPosition = "TRIM_HORIZON" };

    public static MappingConfiguration Msk(string function = "events-handler", string topic = "events") =>
        new() { FunctionName = function, EventSourceArn = ClusterArn, StartingPosition = "LATEST", Topics = [topic] };

    public static MappingConfiguration SelfManagedKafka(string function = "events-handler", string topic = "events") => new()
    {
        FunctionName = function,
        SelfManagedEventSource = new SelfManagedEventSource(new Dictionary<string, IReadOnlyList<string>>
        {
            ["KAFKA_BOOTSTRAP_SERVERS"] = ["b-1.example.com:9092", "b-2.example.com:9092"],
        }),
        StartingPosition = "TRIM_HORIZON",
        Topics = [topic],
        // AWS requires how to reach the brokers (recorded: "Required 'sourceAccessConfigurations' parameter is missing.").
        SourceAccessConfigurations = [new SourceAccessConfiguration("BASIC_AUTH", "arn:aws:secretsmanager:us-east-1:123456789012:secret:kafka")],
    };

    public static MappingConfiguration Mq(string function = "rabbit-handler", string queue = "jobs") => new()
    {
        FunctionName = function,
        EventSourceArn = BrokerArn,
        Queues = [queue],
        SourceAccessConfigurations = [new SourceAccessConfiguration("BASIC_AUTH", "arn:aws:secretsmanager:us-east-1:123456789012:secret:mq")],
    };

    public static MappingConfiguration DocumentDb(string function = "docs-handler") => new()
    {
        FunctionName = function,
        EventSourceArn = DocDbArn,
        StartingPosition = "LATEST",
        DocumentDBEventSourceConfig = new DocumentDBEventSourceConfig("shop", "orders", "Default"),
    };

    public static MappingConfiguration ByName(string kind) => kind switch
    {
        "sqs" => Sqs(),
        "fifo" => Fifo(),
        "kinesis" => Kinesis(),
        "dynamodb" => DynamoDb(),
        "msk" => Msk(),
        "kafka" => SelfManagedKafka(),
        "mq" => Mq(),
        "docdb" => DocumentDb(),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
