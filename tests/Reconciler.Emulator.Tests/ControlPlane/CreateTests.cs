using System.Text.RegularExpressions;
using Reconciler.Core.Model;
using Reconciler.Emulator.ControlPlane;
using Reconciler.Emulator.Tests.Support;
using Reconciler.Testing;

namespace Reconciler.Emulator.Tests.ControlPlane;

public class CreateTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    /// <summary>What a new mapping of each kind reports, as the recordings of the live service show (MSK, MQ and
    /// DocumentDB: as documented, or like their recorded siblings; see docs/aws.md).</summary>
    public sealed record Expected(
        int Batch, int? Window = null, int? Parallel = null, int? Age = null, int? Retries = null, bool? Bisect = null, int? Tumbling = null,
        bool EchoesDestination = false, bool EchoesResponseTypes = false, string Reason = "USER_INITIATED", string? ProcessingResult = null);

    private static readonly Dictionary<string, Expected> Defaults = new()
    {
        ["sqs"] = new(10, Window: 0, EchoesResponseTypes: true),
        ["fifo"] = new(10, Window: 0, EchoesResponseTypes: true),
        ["kinesis"] = new(100, 0, 1, -1, -1, false, 0, EchoesDestination: true, EchoesResponseTypes: true, Reason: "User action", ProcessingResult: "No records processed"),
        ["dynamodb"] = new(100, 0, 1, -1, -1, false, 0, EchoesDestination: true, EchoesResponseTypes: true, Reason: "User action", ProcessingResult: "No records processed"),
        ["msk"] = new(100, ProcessingResult: "No records processed"),
        ["kafka"] = new(100, ProcessingResult: "No records processed"),
        ["mq"] = new(100),
        ["docdb"] = new(100),
    };

    public static TheoryData<string> Kinds => new(Defaults.Keys);

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Create_fills_the_defaults_and_echoes_AWS_shows_per_source_kind(string kind)
    {
        var plane = Planes.InMemory();
        var expected = Defaults[kind];

        var created = await plane.CreateAsync(Sources.ByName(kind), None);
        var got = await plane.GetAsync(created.Uuid, None);
        var c = got.Configuration;

        Assert.Equal(expected.Batch, c.BatchSize);
        Assert.Equal(expected.Window, c.MaximumBatchingWindowInSeconds);
        Assert.Equal(expected.Parallel, c.ParallelizationFactor);
        Assert.Equal(expected.Age, c.MaximumRecordAgeInSeconds);
        Assert.Equal(expected.Retries, c.MaximumRetryAttempts);
        Assert.Equal(expected.Bisect, c.BisectBatchOnFunctionError);
        Assert.Equal(expected.Tumbling, c.TumblingWindowInSeconds);
        Assert.Equal((expected.Reason, expected.ProcessingResult), (created.StateTransitionReason, created.LastProcessingResult));
        Assert.Equal((expected.Reason, expected.ProcessingResult), (got.StateTransitionReason, got.LastProcessingResult));
        if (expected.EchoesDestination)
        {
            Assert.NotNull(c.DestinationConfig?.OnFailure);
            Assert.Null(c.DestinationConfig!.OnFailure!.Destination);
            Assert.Null(c.DestinationConfig.OnSuccess);
        }
        else
        {
            Assert.Null(c.DestinationConfig);
        }
        if (expected.EchoesResponseTypes) Assert.Equal(Array.Empty<string>(), c.FunctionResponseTypes);
        else Assert.Null(c.FunctionResponseTypes);
    }

    [Theory]
    [InlineData("kafka")]
    [InlineData("msk")]
    public async Task A_Kafka_mapping_without_consumer_group_or_position_gets_its_own_uuid_and_TRIM_HORIZON(string kind)
    {
        var plane = Planes.InMemory();
        var request = Sources.ByName(kind) with { StartingPosition = null };

        var created = await plane.CreateAsync(request, None);

        var config = kind == "kafka" ? created.Configuration.SelfManagedKafkaEventSourceConfig : created.Configuration.AmazonManagedKafkaEventSourceConfig;
        Assert.Equal(created.Uuid, config?.ConsumerGroupId);
        Assert.Equal("TRIM_HORIZON", created.Configuration.StartingPosition);
    }

    [Fact]
    public async Task A_given_consumer_group_and_position_are_kept()
    {
        var plane = Planes.InMemory();

        var created = await plane.CreateAsync(Sources.SelfManagedKafka() with
        {
            StartingPosition = "LATEST",
            SelfManagedKafkaEventSourceConfig = new KafkaEventSourceConfig("random_id", null),
        }, None);

        Assert.Equal(("LATEST", "random_id"), (created.Configuration.StartingPosition, created.Configuration.SelfManagedKafkaEventSourceConfig?.ConsumerGroupId));
    }

    [Fact]
    public async Task Given_values_are_kept_not_replaced_by_defaults()
    {
        var plane = Planes.InMemory();

        var created = await plane.CreateAsync(Sources.Kinesis() with
        {
            BatchSize = 500, ParallelizationFactor = 4, MaximumRetryAttempts = 3, MaximumRecordAgeInSeconds = 3600,
            BisectBatchOnFunctionError = true, TumblingWindowInSeconds = 60, MaximumBatchingWindowInSeconds = 5,
            DestinationConfig = new DestinationConfig(new OnFailure("arn:aws:sqs:us-east-1:123456789012:dlq"), null),
        }, None);

        var c = created.Configuration;
        Assert.Equal((500, 4, 3, 3600, true, 60, 5), (c.BatchSize, c.ParallelizationFactor, c.MaximumRetryAttempts,
            c.MaximumRecordAgeInSeconds, c.BisectBatchOnFunctionError, c.TumblingWindowInSeconds, c.MaximumBatchingWindowInSeconds));
        Assert.Equal("arn:aws:sqs:us-east-1:123456789012:dlq", c.DestinationConfig?.OnFailure?.Destination);
    }

    [Fact]
    public async Task Response_has_state_and_arns_but_no_enabled_tags_or_function_name()
    {
        var time = new ManualTimeProvider(Planes.Start);
        var plane = Planes.InMemory(time);

        var created = await plane.CreateAsync(Sources.Sqs() with { Tags = new Dictionary<string, string> { ["team"] = "a" } }, None);

        Assert.Equal(MappingStates.Creating, created.State);
        Assert.Equal("USER_INITIATED", created.StateTransitionReason);
        Assert.Matches("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", created.Uuid);
        Assert.Equal($"arn:aws:lambda:us-east-1:123456789012:event-source-mapping:{created.Uuid}", created.EventSourceMappingArn);
        Assert.InRange(created.EventSourceMappingArn.Length, 85, 120);
        Assert.Equal("arn:aws:lambda:us-east-1:123456789012:function:orders-handler", created.FunctionArn);
        Assert.Equal(created.FunctionArn, created.Configuration.FunctionName);
        Assert.Null(created.Configuration.Enabled);
        Assert.Null(created.Configuration.Tags);
        Assert.Equal(Planes.Start, created.LastModified);
        Assert.Equal(Sources.QueueArn, created.Configuration.EventSourceArn);
    }

    [Fact]
    public async Task Seeded_uuid_source_makes_uuids_repeatable()
    {
        var first = await Planes.InMemory().CreateAsync(Sources.Sqs(), None);
        var second = await Planes.InMemory().CreateAsync(Sources.Sqs(), None);

        Assert.Equal(first.Uuid, second.Uuid);
    }

    [Theory]
    [InlineData(true, MappingStates.Creating, MappingStates.Enabled)]
    [InlineData(false, MappingStates.Disabled, MappingStates.Disabled)]
    public async Task A_create_answers_Creating_or_Disabled_at_once_when_created_disabled(bool enabled, string answered, string settled)
    {
        var plane = Planes.InMemory(new ManualTimeProvider(Planes.Start), dwell: TimeSpan.FromSeconds(5));

        var created = await plane.CreateAsync(Sources.Sqs() with { Enabled = enabled }, None);

        Assert.Equal(answered, created.State);
        Assert.Equal(answered, (await plane.GetAsync(created.Uuid, None)).State);
        var later = Planes.InMemory(new ManualTimeProvider(Planes.Start));
        var createdLater = await later.CreateAsync(Sources.Sqs() with { Enabled = enabled }, None);
        Assert.Equal(settled, (await later.GetAsync(createdLater.Uuid, None)).State);
    }

    [Theory]
    [InlineData("my-function", "arn:aws:lambda:eu-west-1:210987654321:function:my-function")]
    [InlineData("my-function:live", "arn:aws:lambda:eu-west-1:210987654321:function:my-function:live")]
    [InlineData("my-function:7", "arn:aws:lambda:eu-west-1:210987654321:function:my-function:7")]
    [InlineData("my-function:$LATEST", "arn:aws:lambda:eu-west-1:210987654321:function:my-function:$LATEST")]
    [InlineData("111122223333:function:my-function", "arn:aws:lambda:eu-west-1:111122223333:function:my-function")]
    [InlineData("111122223333:function:my-function:prod", "arn:aws:lambda:eu-west-1:111122223333:function:my-function:prod")]
    [InlineData("arn:aws:lambda:eu-west-1:111122223333:function:my-function", "arn:aws:lambda:eu-west-1:111122223333:function:my-function")]
    [InlineData("arn:aws:lambda:eu-west-1:111122223333:function:my-function:PROD", "arn:aws:lambda:eu-west-1:111122223333:function:my-function:PROD")]
    public async Task FunctionArn_is_built_from_any_function_name_form_with_configured_account_and_region(string functionName, string expected)
    {
        var options = new ControlPlaneOptions { AccountId = "210987654321", Region = "eu-west-1" };
        var plane = Planes.InMemory(new ManualTimeProvider(Planes.Start), options: options);

        // The queue is in the plane's region: a source elsewhere is refused (RegionTests).
        var created = await plane.CreateAsync(Sources.Sqs(functionName) with { EventSourceArn = "arn:aws:sqs:eu-west-1:210987654321:orders" }, None);

        Assert.Equal(expected, created.FunctionArn);
        Assert.StartsWith("arn:aws:lambda:eu-west-1:210987654321:event-source-mapping:", created.EventSourceMappingArn);
    }

    [Fact]
    public async Task Empty_structures_on_create_are_the_same_as_absent()
    {
        var plane = Planes.InMemory();

        var created = await plane.CreateAsync(Sources.Sqs() with
        {
            ScalingConfig = new ScalingConfig(null),
            FilterCriteria = new FilterCriteria([]),
            FunctionResponseTypes = [],
            KmsKeyArn = "",
            MetricsConfig = new MetricsConfig([]),
        }, None);

        var c = created.Configuration;
        Assert.Null(c.ScalingConfig);
        Assert.Null(c.FilterCriteria);
        // Not stored; SQS answers echo [] (recorded), as they do when none was sent.
        Assert.Equal(Array.Empty<string>(), c.FunctionResponseTypes);
        Assert.Null(c.KmsKeyArn);
        Assert.Null(c.MetricsConfig);
    }

    [Fact]
    public void Options_reject_values_AWS_could_not_show()
    {
        Assert.Throws<ArgumentException>(() => new EmulatedControlPlane(new ControlPlaneOptions { AccountId = "12345" }));
        Assert.Throws<ArgumentException>(() => new EmulatedControlPlane(new ControlPlaneOptions { Region = "moon" }));
        Assert.Throws<ArgumentException>(() => new EmulatedControlPlane(new ControlPlaneOptions { TransitionDwell = TimeSpan.FromSeconds(-1) }));
    }

    [Fact]
    public void Seeded_uuids_are_version_4()
    {
        var next = UuidSources.Seeded(42);
        for (var i = 0; i < 50; i++)
            Assert.Matches(new Regex("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"), next().ToString("D"));
    }
}
