using System.Text.Json;
using Reconciler.Core.Api;
using Reconciler.Core.Model;
using Reconciler.Emulator.ControlPlane;
using Reconciler.Emulator.Persistence;
using Reconciler.Emulator.Tests.Support;
using Reconciler.Testing;

namespace Reconciler.Emulator.Tests.Persistence;

public sealed class FileBackedControlPlaneTests : IDisposable
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private FileBackedControlPlane Open(ManualTimeProvider time, TimeSpan? dwell = null, int seed = 7) =>
        new(_folder.StatePath, new ControlPlaneOptions { TransitionDwell = dwell ?? TimeSpan.Zero }, time, UuidSources.Seeded(seed));

    /// <summary>One mapping per kind, using as many members as the kind accepts.</summary>
    private static IEnumerable<MappingConfiguration> RichRequests() =>
    [
        Sources.Sqs("sqs-fn:live") with
        {
            BatchSize = 100, MaximumBatchingWindowInSeconds = 3,
            FilterCriteria = new FilterCriteria([new Filter("{\"body\":{\"a\":[1]}}"), new Filter("{\"body\":{\"b\":[2]}}")]),
            KmsKeyArn = "arn:aws:kms:us-east-1:123456789012:key/k", FunctionResponseTypes = ["ReportBatchItemFailures"],
            MetricsConfig = new MetricsConfig(["EventCount"]), ProvisionedPollerConfig = new ProvisionedPollerConfig(2, 20, null),
            Enabled = false, Tags = new Dictionary<string, string> { ["esmctl:name"] = "sqs", ["team"] = "" },
        },
        Sources.Kinesis() with
        {
            StartingPosition = "AT_TIMESTAMP", StartingPositionTimestamp = Planes.Start.AddHours(-1).AddMilliseconds(250),
            ParallelizationFactor = 3, BisectBatchOnFunctionError = true, MaximumRecordAgeInSeconds = 120, MaximumRetryAttempts = 2,
            TumblingWindowInSeconds = 30, DestinationConfig = new DestinationConfig(new OnFailure("arn:aws:sqs:us-east-1:123456789012:dlq"), null),
        },
        Sources.DynamoDb(),
        Sources.Msk() with
        {
            AmazonManagedKafkaEventSourceConfig = new KafkaEventSourceConfig("group-1",
                new KafkaSchemaRegistryConfig("https://registry.example.com", "SOURCE", [new("BASIC_AUTH", "arn:aws:secretsmanager:us-east-1:123456789012:secret:r")], [new("KEY"), new("VALUE")])),
            LoggingConfig = new LoggingConfig("DEBUG"), MetricsConfig = new MetricsConfig(["EventCount", "KafkaMetrics"]),
            ProvisionedPollerConfig = new ProvisionedPollerConfig(1, 10, "group-a"),
            DestinationConfig = new DestinationConfig(new OnFailure("kafka://failures"), null),
        },
        Sources.SelfManagedKafka() with
        {
            SelfManagedKafkaEventSourceConfig = new KafkaEventSourceConfig("group-2", null),
            SourceAccessConfigurations = [new("SASL_SCRAM_512_AUTH", "arn:aws:secretsmanager:us-east-1:123456789012:secret:k"), new("VPC_SUBNET", "subnet:subnet-1")],
        },
        Sources.Mq() with { SourceAccessConfigurations = [new("BASIC_AUTH", "arn:aws:secretsmanager:us-east-1:123456789012:secret:mq"), new("VIRTUAL_HOST", "/prod")] },
        Sources.DocumentDb() with { DocumentDBEventSourceConfig = new DocumentDBEventSourceConfig("shop", null, "UpdateLookup") },
    ];

    private static async Task<string> Snapshot(ILambdaMappingApi api)
    {
        var all = await Planes.ListAll(api);
        var full = new List<object>();
        foreach (var mapping in all)
            full.Add(new { Get = await api.GetAsync(mapping.Uuid, None), Listed = mapping, Tags = await api.ListTagsAsync(mapping.EventSourceMappingArn, None) });
        return Canonical.Json(full);
    }

    [Fact]
    public async Task State_round_trips_through_the_file_and_matches_the_in_memory_control_plane()
    {
        var time = new ManualTimeProvider(Planes.Start);
        var memory = Planes.InMemory(new ManualTimeProvider(Planes.Start));
        foreach (var request in RichRequests())
        {
            await Open(time).CreateAsync(request, None);
            await memory.CreateAsync(request, None);
        }

        var reopened = Open(time);

        Assert.Equal(7, (await reopened.ListAsync(new(), None)).Mappings.Count);
        Assert.Equal(await Snapshot(memory), await Snapshot(reopened));
    }

    [Fact]
    public async Task Transitions_in_progress_survive_a_reload()
    {
        var time = new ManualTimeProvider(Planes.Start);
        var created = await Open(time, TimeSpan.FromSeconds(30)).CreateAsync(Sources.Sqs(), None);
        time.Advance(TimeSpan.FromSeconds(10));

        var second = Open(time, TimeSpan.FromSeconds(30));
        Assert.Equal(MappingStates.Creating, (await second.GetAsync(created.Uuid, None)).State);
        Assert.Equal(LambdaErrorCodes.ResourceInUse,
            (await Planes.Rejects(() => second.DeleteAsync(created.Uuid, None))).ErrorCode);

        time.Advance(TimeSpan.FromSeconds(20));
        Assert.Equal(MappingStates.Enabled, (await Open(time, TimeSpan.FromSeconds(30)).GetAsync(created.Uuid, None)).State);
    }

    [Fact]
    public async Task File_is_created_on_first_write_only()
    {
        var time = new ManualTimeProvider(Planes.Start);
        var plane = Open(time);

        await plane.ListAsync(new(), None);
        await Planes.Rejects(() => plane.GetAsync("00000000-0000-4000-8000-000000000000", None));
        Assert.False(Directory.Exists(Path.GetDirectoryName(_folder.StatePath)));

        await plane.CreateAsync(Sources.Sqs(), None);

        Assert.True(File.Exists(_folder.StatePath));
        using var document = JsonDocument.Parse(File.ReadAllText(_folder.StatePath));
        Assert.Equal("2", document.RootElement.GetProperty("formatVersion").GetString());
        Assert.Equal(1, document.RootElement.GetProperty("mappings").GetArrayLength());
    }

    [Fact]
    public async Task Writes_leave_no_temporary_files_behind()
    {
        var time = new ManualTimeProvider(Planes.Start);
        var plane = Open(time);
        var created = await plane.CreateAsync(Sources.Sqs(), None);
        await plane.UpdateAsync(created.Uuid, new() { BatchSize = 3 }, None);
        await plane.TagAsync(created.EventSourceMappingArn, new Dictionary<string, string> { ["k"] = "v" }, None);
        await plane.DeleteAsync(created.Uuid, None);

        var files = Directory.GetFiles(Path.GetDirectoryName(_folder.StatePath)!).Select(Path.GetFileName).Order();

        Assert.Equal(["local-state.json", "local-state.json.lock"], files);
    }

    [Fact]
    public async Task A_rejected_request_leaves_the_file_unchanged()
    {
        var time = new ManualTimeProvider(Planes.Start);
        var plane = Open(time);
        var created = await plane.CreateAsync(Sources.Sqs(), None);
        var before = File.ReadAllBytes(_folder.StatePath);

        await Planes.Rejects(() => plane.CreateAsync(Sources.Sqs(), None));
        await Planes.Rejects(() => plane.UpdateAsync(created.Uuid, new() { EventSourceArn = Sources.FifoQueueArn }, None));

        Assert.Equal(before, File.ReadAllBytes(_folder.StatePath));
    }

    [Fact]
    public async Task Deleted_mappings_leave_the_file_once_gone()
    {
        var time = new ManualTimeProvider(Planes.Start);
        var plane = Open(time);
        var a = await plane.CreateAsync(Sources.Sqs("a"), None);
        await plane.DeleteAsync(a.Uuid, None);

        await plane.CreateAsync(Sources.Sqs("b"), None);

        using var document = JsonDocument.Parse(File.ReadAllText(_folder.StatePath));
        var uuids = document.RootElement.GetProperty("mappings").EnumerateArray().Select(m => m.GetProperty("uuid").GetString());
        Assert.DoesNotContain(a.Uuid, uuids);
    }

    private const string Mapping = "{\"formatVersion\":\"2\",\"mappings\":[{\"uuid\":\"00000000-0000-4000-8000-000000000001\",\"sequence\":1," +
        "\"eventSourceMappingArn\":\"arn:aws:lambda:us-east-1:123456789012:event-source-mapping:00000000-0000-4000-8000-000000000001\"," +
        "\"functionArn\":\"arn:aws:lambda:us-east-1:123456789012:function:f\",\"enabled\":true,\"lastModified\":\"2026-01-01T00:00:00+00:00\",";

    [Theory]
    [InlineData("{\"formatVersion\":\"3\",\"mappings\":[]}", "formatVersion '3'")]
    [InlineData("{\"mappings\":[]}", "formatVersion ''")]
    [InlineData("{ not json", "not valid JSON")]
    [InlineData("null", "empty")]
    [InlineData(Mapping + "\"configuration\":{\"EventSourceArn\":\"arn:aws:sqs:us-east-1:123456789012:q\",\"BatchSise\":10}}]}", "unknown configuration member 'BatchSise'")]
    [InlineData(Mapping + "\"configuration\":{\"EventSourceArn\":\"arn:aws:sqs:us-east-1:123456789012:q\",\"BatchSize\":\"ten\"}}]}", "BatchSize must be an integer")]
    [InlineData(Mapping + "\"tags\":{}}]}", "has no settings")]
    public async Task An_unreadable_state_file_is_a_clear_local_error(string content, string expected)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_folder.StatePath)!);
        File.WriteAllText(_folder.StatePath, content);

        var error = await Assert.ThrowsAsync<LocalStateException>(() => Open(new ManualTimeProvider(Planes.Start)).ListAsync(new(), None));

        Assert.Contains(expected, error.Message);
        Assert.Contains(_folder.StatePath, error.Message);
    }

    [Fact]
    public async Task Broken_json_in_the_state_file_is_located_in_a_persons_words()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_folder.StatePath)!);
        File.WriteAllText(_folder.StatePath, "{\n  \"mappings\": [,]\n}");

        var error = await Assert.ThrowsAsync<LocalStateException>(() => Open(new ManualTimeProvider(Planes.Start)).ListAsync(new(), None));

        Assert.Contains($"{_folder.StatePath}:2:16 is not valid JSON", error.Message);
        Assert.DoesNotContain("LineNumber", error.Message);
        Assert.DoesNotContain("BytePositionInLine", error.Message);
        Assert.DoesNotContain("Path: $", error.Message);
    }

    [Fact]
    public void Default_state_path_is_under_dot_esmctl()
    {
        Assert.Equal(".esmctl/local-state.json", FileBackedControlPlane.DefaultStatePath);
        Assert.Equal(Path.GetFullPath(".esmctl/local-state.json"), new FileBackedControlPlane().StatePath);
    }
}
