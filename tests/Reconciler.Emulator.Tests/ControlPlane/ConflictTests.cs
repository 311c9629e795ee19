using System.Text.RegularExpressions;
using Reconciler.Core.Api;
using Reconciler.Core.Model;
using Reconciler.Emulator.Tests.Support;

namespace Reconciler.Emulator.Tests.ControlPlane;

public class ConflictTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    private static readonly Dictionary<string, (MappingConfiguration First, MappingConfiguration Second)> Conflicting = new()
    {
        ["same sqs queue and function"] = (Sources.Sqs(), Sources.Sqs()),
        ["function as name then as arn"] = (Sources.Sqs("orders-handler"), Sources.Sqs("arn:aws:lambda:us-east-1:123456789012:function:orders-handler")),
        ["function as partial arn"] = (Sources.Sqs("orders-handler"), Sources.Sqs("123456789012:function:orders-handler")),
        ["same alias"] = (Sources.Sqs("orders-handler:live"), Sources.Sqs("orders-handler:live")),
        ["same stream, other settings"] = (Sources.Kinesis(), Sources.Kinesis() with { StartingPosition = "TRIM_HORIZON", BatchSize = 5 }),
        ["same msk topic"] = (Sources.Msk(), Sources.Msk()),
        ["same kafka servers in another order"] = (Sources.SelfManagedKafka(), Sources.SelfManagedKafka() with
        {
            SelfManagedEventSource = new SelfManagedEventSource(new Dictionary<string, IReadOnlyList<string>>
            {
                ["KAFKA_BOOTSTRAP_SERVERS"] = ["b-2.example.com:9092", "b-1.example.com:9092"],
            }),
        }),
        ["same mq queue"] = (Sources.Mq(), Sources.Mq()),
    };

    public static TheoryData<string> ConflictingCases => new(Conflicting.Keys);

    [Theory]
    [MemberData(nameof(ConflictingCases))]
    public async Task Second_mapping_of_the_same_function_and_source_conflicts_naming_the_existing_uuid(string name)
    {
        var plane = Planes.InMemory();
        var (first, second) = Conflicting[name];
        var existing = await plane.CreateAsync(first, None);

        var error = await Planes.Rejects(() => plane.CreateAsync(second, None));

        Assert.Equal((LambdaErrorCodes.ResourceConflict, 409), (error.ErrorCode, error.StatusCode));
        Assert.Contains("already exists", error.ServiceMessage);
        var uuid = Regex.Match(error.ServiceMessage, "UUID ([0-9a-f-]{36})").Groups[1].Value;
        Assert.Equal(existing.Uuid, uuid);
        Assert.Single((await plane.ListAsync(new(), None)).Mappings);
    }

    [Fact]
    public async Task Conflict_message_reads_like_AWS()
    {
        var plane = Planes.InMemory();
        var existing = await plane.CreateAsync(Sources.Sqs(), None);

        var error = await Planes.Rejects(() => plane.CreateAsync(Sources.Sqs(), None));

        Assert.Equal(
            $"An event source mapping with SQS arn (\" {Sources.QueueArn} \") and function (\" orders-handler \") already exists. " +
            $"Please update or delete the existing mapping with UUID {existing.Uuid}",
            error.ServiceMessage);
    }

    [Theory]
    [InlineData("kinesis")]
    [InlineData("dynamodb")]
    public async Task Stream_conflicts_use_the_streams_wording(string kind)
    {
        var plane = Planes.InMemory();
        var request = Sources.ByName(kind);
        var existing = await plane.CreateAsync(request, None);

        var error = await Planes.Rejects(() => plane.CreateAsync(request, None));

        Assert.Equal(
            $"The event source arn (\" {request.EventSourceArn} \") and function (\" {request.FunctionName} \") provided mapping already exists. " +
            $"Please update or delete the existing mapping with UUID {existing.Uuid}",
            error.ServiceMessage);
    }

    private static MappingConfiguration Kafka(string topic, params string[] servers) => Sources.SelfManagedKafka(topic: topic) with
    {
        SelfManagedEventSource = new SelfManagedEventSource(new Dictionary<string, IReadOnlyList<string>> { ["KAFKA_BOOTSTRAP_SERVERS"] = servers }),
    };

    [Fact]
    public async Task A_Kafka_broker_list_that_overlaps_an_existing_ones_with_the_same_topic_conflicts_in_AWS_wording()
    {
        var plane = Planes.InMemory();
        var existing = await plane.CreateAsync(Kafka("topic", "kafka:1000"), None);

        var error = await Planes.Rejects(() => plane.CreateAsync(Kafka("topic", "kafka:1000", "kafka:2000"), None));

        Assert.Equal(409, error.StatusCode);
        Assert.Equal(
            "An event source mapping with event source (\"kafka:1000,kafka:2000\"), function (\"arn:aws:lambda:us-east-1:123456789012:function:events-handler\"), " +
            $"topics (\"topic\") already exists. Please update or delete the existing mapping with UUID {existing.Uuid}",
            error.ServiceMessage);
    }

    [Fact]
    public async Task Kafka_mappings_with_disjoint_broker_lists_or_other_topics_coexist()
    {
        var plane = Planes.InMemory();
        await plane.CreateAsync(Kafka("topic", "kafka:1000"), None);

        await plane.CreateAsync(Kafka("topic", "kafka:2000"), None);
        await plane.CreateAsync(Kafka("topic_2", "kafka:1000"), None);

        Assert.Equal(3, (await plane.ListAsync(new(), None)).Mappings.Count);
    }

    private static readonly Dictionary<string, (MappingConfiguration First, MappingConfiguration Second)> Distinct = new()
    {
        ["other function"] = (Sources.Sqs("a"), Sources.Sqs("b")),
        ["other qualifier"] = (Sources.Sqs("a"), Sources.Sqs("a:live")),
        ["other version"] = (Sources.Sqs("a:1"), Sources.Sqs("a:2")),
        ["other queue"] = (Sources.Sqs(), Sources.Fifo()),
        ["other msk topic"] = (Sources.Msk(topic: "topic-a"), Sources.Msk(topic: "topic-b")),
        ["other kafka topic"] = (Sources.SelfManagedKafka(topic: "topic-a"), Sources.SelfManagedKafka(topic: "topic-b")),
        ["other mq queue"] = (Sources.Mq(queue: "a"), Sources.Mq(queue: "b")),
    };

    public static TheoryData<string> DistinctCases => new(Distinct.Keys);

    [Theory]
    [MemberData(nameof(DistinctCases))]
    public async Task Mappings_differing_in_function_qualifier_source_topic_or_queue_coexist(string name)
    {
        var plane = Planes.InMemory();
        var (first, second) = Distinct[name];

        await plane.CreateAsync(first, None);
        await plane.CreateAsync(second, None);

        Assert.Equal(2, (await plane.ListAsync(new(), None)).Mappings.Count);
    }

    [Fact]
    public async Task A_mapping_in_deleting_still_conflicts_until_it_is_gone()
    {
        var time = new Reconciler.Testing.ManualTimeProvider(Planes.Start);
        var plane = Planes.InMemory(time, TimeSpan.FromSeconds(3));
        var first = await plane.CreateAsync(Sources.Sqs(), None);
        time.Advance(TimeSpan.FromSeconds(3));
        await plane.DeleteAsync(first.Uuid, None);

        var error = await Planes.Rejects(() => plane.CreateAsync(Sources.Sqs(), None));
        Assert.Equal(LambdaErrorCodes.ResourceConflict, error.ErrorCode);

        time.Advance(TimeSpan.FromSeconds(3));
        var second = await plane.CreateAsync(Sources.Sqs(), None);
        Assert.NotEqual(first.Uuid, second.Uuid);
    }

    [Fact]
    public async Task Moving_a_mapping_onto_another_mappings_function_conflicts()
    {
        var plane = Planes.InMemory();
        await plane.CreateAsync(Sources.Sqs("a"), None);
        var other = await plane.CreateAsync(Sources.Sqs("b"), None);

        var error = await Planes.Rejects(() => plane.UpdateAsync(other.Uuid, new() { FunctionName = "a" }, None));

        Assert.Equal(LambdaErrorCodes.ResourceConflict, error.ErrorCode);
    }
}
