using Reconciler.Core.Api;
using Reconciler.Core.Model;
using Reconciler.Emulator.Tests.Support;
using Reconciler.Testing;

namespace Reconciler.Emulator.Tests.ControlPlane;

public class UpdateTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    private static readonly Dictionary<string, (MappingConfiguration Create, MappingConfiguration Update)> CreateOnly = new()
    {
        ["EventSourceArn"] = (Sources.Sqs(), new() { EventSourceArn = Sources.QueueArn }),
        ["StartingPosition"] = (Sources.Kinesis(), new() { StartingPosition = "TRIM_HORIZON" }),
        ["StartingPositionTimestamp"] = (Sources.Kinesis(), new() { StartingPositionTimestamp = Planes.Start }),
        ["Topics"] = (Sources.Msk(), new() { Topics = ["other"] }),
        ["Queues"] = (Sources.Mq(), new() { Queues = ["other"] }),
        ["SelfManagedEventSource"] = (Sources.SelfManagedKafka(), new()
        {
            SelfManagedEventSource = new SelfManagedEventSource(new Dictionary<string, IReadOnlyList<string>> { ["KAFKA_BOOTSTRAP_SERVERS"] = ["c:9092"] }),
        }),
        ["Tags"] = (Sources.Sqs(), new() { Tags = new Dictionary<string, string> { ["k"] = "v" } }),
        ["changed MSK ConsumerGroupId"] = (
            Sources.Msk() with { AmazonManagedKafkaEventSourceConfig = new KafkaEventSourceConfig("group-a", null) },
            new() { AmazonManagedKafkaEventSourceConfig = new KafkaEventSourceConfig("group-b", null) }),
        ["changed Kafka ConsumerGroupId"] = (
            Sources.SelfManagedKafka() with { SelfManagedKafkaEventSourceConfig = new KafkaEventSourceConfig("group-a", null) },
            new() { SelfManagedKafkaEventSourceConfig = new KafkaEventSourceConfig("group-b", null) }),
        ["VIRTUAL_HOST entry"] = (
            Sources.Mq() with { SourceAccessConfigurations = [new("BASIC_AUTH", "secret"), new("VIRTUAL_HOST", "/prod")] },
            new() { SourceAccessConfigurations = [new("BASIC_AUTH", "secret"), new("VIRTUAL_HOST", "/prod")] }),
    };

    public static TheoryData<string> CreateOnlyCases => new(CreateOnly.Keys);

    [Theory]
    [MemberData(nameof(CreateOnlyCases))]
    public async Task Update_of_a_create_only_field_is_rejected_and_changes_nothing(string name)
    {
        var plane = Planes.InMemory();
        var (create, update) = CreateOnly[name];
        var created = await plane.CreateAsync(create, None);
        var before = Canonical.Json(await plane.GetAsync(created.Uuid, None));

        var error = await Planes.Rejects(() => plane.UpdateAsync(created.Uuid, update, None));

        Assert.Equal(LambdaErrorCodes.InvalidParameterValue, error.ErrorCode);
        Assert.Equal(before, Canonical.Json(await plane.GetAsync(created.Uuid, None)));
    }

    // name -> (create, clearing update, what must be null afterwards)
    private static readonly Dictionary<string, (MappingConfiguration Create, MappingConfiguration Update, Func<MappingConfiguration, object?> Read)> Clearing = new()
    {
        ["ScalingConfig {}"] = (Sources.Sqs() with { ScalingConfig = new ScalingConfig(5) }, new() { ScalingConfig = new ScalingConfig(null) }, c => c.ScalingConfig),
        ["FilterCriteria {}"] = (Sources.Sqs() with { FilterCriteria = new([new Filter("{\"a\":[1]}")]) }, new() { FilterCriteria = new FilterCriteria(null) }, c => c.FilterCriteria),
        ["FilterCriteria no filters"] = (Sources.Sqs() with { FilterCriteria = new([new Filter("{\"a\":[1]}")]) }, new() { FilterCriteria = new FilterCriteria([]) }, c => c.FilterCriteria),
        ["KMSKeyArn \"\""] = (Sources.Sqs() with { KmsKeyArn = "arn:aws:kms:us-east-1:123456789012:key/k" }, new() { KmsKeyArn = "" }, c => c.KmsKeyArn),
        // SQS answers echo [] for "none" (recorded), so cleared reads as empty.
        ["FunctionResponseTypes []"] = (Sources.Sqs() with { FunctionResponseTypes = ["ReportBatchItemFailures"] }, new() { FunctionResponseTypes = [] },
            c => c.FunctionResponseTypes is { Count: > 0 } types ? types : null),
        ["MetricsConfig {Metrics:[]}"] = (Sources.Sqs() with { MetricsConfig = new MetricsConfig(["EventCount"]) }, new() { MetricsConfig = new MetricsConfig([]) }, c => c.MetricsConfig),
        ["SourceAccessConfigurations []"] = (Sources.Mq(), new() { SourceAccessConfigurations = [] }, c => c.SourceAccessConfigurations),
        ["ProvisionedPollerConfig {}"] = (Sources.Sqs() with { ProvisionedPollerConfig = new(2, 10, null) }, new() { ProvisionedPollerConfig = new(null, null, null) }, c => c.ProvisionedPollerConfig),
    };

    public static TheoryData<string> ClearingCases => new(Clearing.Keys);

    [Theory]
    [MemberData(nameof(ClearingCases))]
    public async Task An_empty_value_clears_the_setting(string name)
    {
        var plane = Planes.InMemory();
        var (create, update, read) = Clearing[name];
        var created = await plane.CreateAsync(create, None);
        Assert.NotNull(read((await plane.GetAsync(created.Uuid, None)).Configuration));

        await plane.UpdateAsync(created.Uuid, update, None);

        Assert.Null(read((await plane.GetAsync(created.Uuid, None)).Configuration));
    }

    /// <summary>No request removes a LoggingConfig (docs/aws.md: no "off" level, nothing in the model, the reference, the
    /// logging guide or any recording; esmctl's field table says "cannot"): an empty one changes nothing, and a level
    /// replaces the level.</summary>
    [Fact]
    public async Task An_empty_LoggingConfig_does_not_remove_the_log_level()
    {
        var plane = Planes.InMemory();
        var created = await plane.CreateAsync(Sources.Msk() with { LoggingConfig = new LoggingConfig("WARN") }, None);

        await plane.UpdateAsync(created.Uuid, new() { LoggingConfig = new LoggingConfig(null) }, None);
        Assert.Equal(new LoggingConfig("WARN"), (await plane.GetAsync(created.Uuid, None)).Configuration.LoggingConfig);

        await plane.UpdateAsync(created.Uuid, new() { LoggingConfig = new LoggingConfig("DEBUG") }, None);
        Assert.Equal(new LoggingConfig("DEBUG"), (await plane.GetAsync(created.Uuid, None)).Configuration.LoggingConfig);
    }

    [Fact]
    public async Task Clearing_a_stream_destination_echoes_the_empty_on_failure_again()
    {
        var plane = Planes.InMemory();
        var created = await plane.CreateAsync(Sources.Kinesis() with
        {
            DestinationConfig = new DestinationConfig(new OnFailure("arn:aws:sns:us-east-1:123456789012:failures"), null),
        }, None);

        await plane.UpdateAsync(created.Uuid, new() { DestinationConfig = new DestinationConfig(null, null) }, None);

        var destination = (await plane.GetAsync(created.Uuid, None)).Configuration.DestinationConfig;
        Assert.NotNull(destination?.OnFailure);
        Assert.Null(destination!.OnFailure!.Destination);
    }

    [Fact]
    public async Task Absent_members_change_nothing_and_given_ones_change_only_themselves()
    {
        var plane = Planes.InMemory();
        var created = await plane.CreateAsync(Sources.Sqs() with
        {
            BatchSize = 50, MaximumBatchingWindowInSeconds = 5, ScalingConfig = new ScalingConfig(10),
            FunctionResponseTypes = ["ReportBatchItemFailures"],
        }, None);

        var updated = await plane.UpdateAsync(created.Uuid, new() { BatchSize = 20 }, None);

        var c = updated.Configuration;
        Assert.Equal(20, c.BatchSize);
        Assert.Equal(5, c.MaximumBatchingWindowInSeconds);
        Assert.Equal(10, c.ScalingConfig?.MaximumConcurrency);
        Assert.Equal(["ReportBatchItemFailures"], c.FunctionResponseTypes!);
    }

    [Fact]
    public async Task Rules_apply_to_the_merged_configuration()
    {
        var plane = Planes.InMemory();
        var created = await plane.CreateAsync(Sources.Sqs(), None);

        var error = await Planes.Rejects(() => plane.UpdateAsync(created.Uuid, new() { BatchSize = 100 }, None));
        Assert.Equal(LambdaErrorCodes.InvalidParameterValue, error.ErrorCode);

        var updated = await plane.UpdateAsync(created.Uuid, new() { BatchSize = 100, MaximumBatchingWindowInSeconds = 2 }, None);
        Assert.Equal(100, updated.Configuration.BatchSize);
    }

    [Theory]
    [InlineData(true, false, MappingStates.Disabling, MappingStates.Disabled)]
    [InlineData(false, true, MappingStates.Enabling, MappingStates.Enabled)]
    [InlineData(true, true, MappingStates.Updating, MappingStates.Enabled)]
    public async Task Enabled_moves_through_the_transitional_state(bool createdEnabled, bool update, string transitional, string settled)
    {
        var time = new ManualTimeProvider(Planes.Start);
        var plane = Planes.InMemory(time, TimeSpan.FromSeconds(5));
        var created = await plane.CreateAsync(Sources.Sqs() with { Enabled = createdEnabled }, None);
        time.Advance(TimeSpan.FromSeconds(5));

        var updated = await plane.UpdateAsync(created.Uuid, new() { Enabled = update }, None);

        Assert.Equal(transitional, updated.State);
        Assert.Equal(transitional, (await plane.GetAsync(created.Uuid, None)).State);
        time.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(settled, (await plane.GetAsync(created.Uuid, None)).State);
    }

    [Fact]
    public async Task Any_update_moves_LastModified()
    {
        var time = new ManualTimeProvider(Planes.Start);
        var plane = Planes.InMemory(time);
        var created = await plane.CreateAsync(Sources.Sqs(), None);
        time.Advance(TimeSpan.FromMinutes(3));

        var updated = await plane.UpdateAsync(created.Uuid, new() { BatchSize = 7 }, None);

        Assert.Equal(MappingStates.Updating, updated.State);
        Assert.Equal(Planes.Start.AddMinutes(3), updated.LastModified);
        Assert.Equal(Planes.Start.AddMinutes(3), (await plane.GetAsync(created.Uuid, None)).LastModified);
    }

    [Fact]
    public async Task Function_can_be_changed_and_is_reported_as_an_arn()
    {
        var plane = Planes.InMemory();
        var created = await plane.CreateAsync(Sources.Sqs(), None);

        var updated = await plane.UpdateAsync(created.Uuid, new() { FunctionName = "orders-handler:live" }, None);

        Assert.Equal("arn:aws:lambda:us-east-1:123456789012:function:orders-handler:live", updated.FunctionArn);
        Assert.Equal(updated.FunctionArn, updated.Configuration.FunctionName);
    }

    [Fact]
    public async Task Same_consumer_group_is_accepted_and_schema_registry_can_change()
    {
        var plane = Planes.InMemory();
        var created = await plane.CreateAsync(Sources.Msk() with
        {
            AmazonManagedKafkaEventSourceConfig = new KafkaEventSourceConfig("group-a", null),
        }, None);
        var registry = new KafkaSchemaRegistryConfig("arn:aws:glue:us-east-1:123456789012:registry/r", "JSON", null, [new("VALUE")]);

        var updated = await plane.UpdateAsync(created.Uuid, new()
        {
            AmazonManagedKafkaEventSourceConfig = new KafkaEventSourceConfig(null, registry),
        }, None);

        Assert.Equal("group-a", updated.Configuration.AmazonManagedKafkaEventSourceConfig?.ConsumerGroupId);
        Assert.Equal("JSON", updated.Configuration.AmazonManagedKafkaEventSourceConfig?.SchemaRegistryConfig?.EventRecordFormat);
    }

    [Fact]
    public async Task Virtual_host_survives_a_replaced_access_list()
    {
        var plane = Planes.InMemory();
        var created = await plane.CreateAsync(Sources.Mq() with
        {
            SourceAccessConfigurations = [new("BASIC_AUTH", "old-secret"), new("VIRTUAL_HOST", "/prod")],
        }, None);

        var updated = await plane.UpdateAsync(created.Uuid, new() { SourceAccessConfigurations = [new("BASIC_AUTH", "new-secret")] }, None);

        Assert.Equal(
            ["VIRTUAL_HOST:/prod", "BASIC_AUTH:new-secret"],
            updated.Configuration.SourceAccessConfigurations!.Select(a => $"{a.Type}:{a.Uri}"));
    }

    [Fact]
    public async Task Update_of_an_unknown_uuid_is_not_found_in_AWS_wording()
    {
        var plane = Planes.InMemory();

        var error = await Planes.Rejects(() => plane.UpdateAsync("00000000-0000-4000-8000-000000000000", new() { BatchSize = 5 }, None));

        Assert.Equal((LambdaErrorCodes.ResourceNotFound, 404), (error.ErrorCode, error.StatusCode));
        Assert.Equal("The resource you requested does not exist.", error.ServiceMessage);
    }

    [Fact]
    public async Task An_on_failure_without_destination_is_refused_as_AWS_does()
    {
        var plane = Planes.InMemory();
        var created = await plane.CreateAsync(Sources.Kinesis(), None);
        // What a client that sends back the echo {"OnFailure":{}} sends.
        var echo = (await plane.GetAsync(created.Uuid, None)).Configuration.DestinationConfig;

        var error = await Planes.Rejects(() => plane.UpdateAsync(created.Uuid, new() { DestinationConfig = echo }, None));

        Assert.Equal((LambdaErrorCodes.InvalidParameterValue, "The Destination field is required for an OnFailure configuration."),
            (error.ErrorCode, error.ServiceMessage));
    }

    [Fact]
    public async Task The_batching_window_rule_applies_to_SQS_only()
    {
        var plane = Planes.InMemory();
        var stream = await plane.CreateAsync(Sources.Kinesis(), None);
        var queue = await plane.CreateAsync(Sources.Sqs(), None);

        var updated = await plane.UpdateAsync(stream.Uuid, new() { BatchSize = 500, MaximumBatchingWindowInSeconds = 0 }, None);
        var error = await Planes.Rejects(() => plane.UpdateAsync(queue.Uuid, new() { BatchSize = 11 }, None));

        Assert.Equal(500, updated.Configuration.BatchSize);
        Assert.Equal("Maximum batch window in seconds must be greater than 0 if maximum batch size is greater than 10", error.ServiceMessage);
    }

    [Fact]
    public async Task StateTransitionReason_stays_the_sources_own_after_update_and_delete()
    {
        var plane = Planes.InMemory();
        var stream = await plane.CreateAsync(Sources.DynamoDb(), None);

        var updated = await plane.UpdateAsync(stream.Uuid, new() { Enabled = false }, None);
        Assert.Equal(("User action", MappingStates.Disabling), (updated.StateTransitionReason, updated.State));
        var deleted = await plane.DeleteAsync(stream.Uuid, None);
        Assert.Equal(("User action", MappingStates.Deleting), (deleted.StateTransitionReason, deleted.State));
    }
}
