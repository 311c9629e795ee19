using System.Text.RegularExpressions;
using Reconciler.Core.Model;
using Reconciler.Emulator.ControlPlane;
using Reconciler.Emulator.Tests.Support;
using Reconciler.Testing;

namespace Reconciler.Emulator.Tests.ControlPlane;

public class CreateTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    // kind, BatchSize, MaximumBatchingWindowInSeconds, ParallelizationFactor, MaximumRecordAge, MaximumRetryAttempts,
    // Bisect, TumblingWindow, whether DestinationConfig {"OnFailure":{}} is echoed
    public static TheoryData<string, int, int?, int?, int?, int?, bool?, int?, bool> Defaults => new()
    {
        { "sqs", 10, 0, null, null, null, null, null, false },
        { "fifo", 10, 0, null, null, null, null, null, false },
        { "kinesis", 100, 0, 1, -1, -1, false, 0, true },
        { "dynamodb", 100, 0, 1, -1, -1, false, 0, true },
        { "msk", 100, null, null, null, null, null, null, true },
        { "kafka", 100, null, null, null, null, null, null, true },
        { "mq", 100, null, null, null, null, null, null, false },
        { "docdb", 100, null, null, null, null, null, null, false },
    };

    [Theory]
    [MemberData(nameof(Defaults))]
    public async Task Create_fills_the_documented_defaults_per_source_kind(
        string kind, int batch, int? window, int? parallel, int? age, int? retries, bool? bisect, int? tumbling, bool echoesDestination)
    {
        var plane = Planes.InMemory();

        var created = await plane.CreateAsync(Sources.ByName(kind), None);
        var c = (await plane.GetAsync(created.Uuid, None)).Configuration;

        Assert.Equal(batch, c.BatchSize);
        Assert.Equal(window, c.MaximumBatchingWindowInSeconds);
        Assert.Equal(parallel, c.ParallelizationFactor);
        Assert.Equal(age, c.MaximumRecordAgeInSeconds);
        Assert.Equal(retries, c.MaximumRetryAttempts);
        Assert.Equal(bisect, c.BisectBatchOnFunctionError);
        Assert.Equal(tumbling, c.TumblingWindowInSeconds);
        if (echoesDestination)
        {
            Assert.NotNull(c.DestinationConfig?.OnFailure);
            Assert.Null(c.DestinationConfig!.OnFailure!.Destination);
            Assert.Null(c.DestinationConfig.OnSuccess);
        }
        else
        {
            Assert.Null(c.DestinationConfig);
        }
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
    [InlineData(true, MappingStates.Enabled)]
    [InlineData(false, MappingStates.Disabled)]
    public async Task Creating_settles_to_the_requested_enabled_state(bool enabled, string settled)
    {
        var plane = Planes.InMemory();

        var created = await plane.CreateAsync(Sources.Sqs() with { Enabled = enabled }, None);

        Assert.Equal(MappingStates.Creating, created.State);
        Assert.Equal(settled, (await plane.GetAsync(created.Uuid, None)).State);
    }

    [Theory]
    [InlineData("my-function", "arn:aws:lambda:eu-west-1:210987654321:function:my-function")]
    [InlineData("my-function:live", "arn:aws:lambda:eu-west-1:210987654321:function:my-function:live")]
    [InlineData("my-function:7", "arn:aws:lambda:eu-west-1:210987654321:function:my-function:7")]
    [InlineData("my-function:$LATEST", "arn:aws:lambda:eu-west-1:210987654321:function:my-function:$LATEST")]
    [InlineData("111122223333:function:my-function", "arn:aws:lambda:eu-west-1:111122223333:function:my-function")]
    [InlineData("111122223333:function:my-function:prod", "arn:aws:lambda:eu-west-1:111122223333:function:my-function:prod")]
    [InlineData("arn:aws:lambda:us-west-2:111122223333:function:my-function", "arn:aws:lambda:us-west-2:111122223333:function:my-function")]
    [InlineData("arn:aws:lambda:us-west-2:111122223333:function:my-function:PROD", "arn:aws:lambda:us-west-2:111122223333:function:my-function:PROD")]
    public async Task FunctionArn_is_built_from_any_function_name_form_with_configured_account_and_region(string functionName, string expected)
    {
        var options = new ControlPlaneOptions { AccountId = "210987654321", Region = "eu-west-1" };
        var plane = Planes.InMemory(new ManualTimeProvider(Planes.Start), options: options);

        var created = await plane.CreateAsync(Sources.Sqs(functionName), None);

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
        Assert.Null(c.FunctionResponseTypes);
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
