using System.Text.Json;
using Reconciler.Core.Model;
using Reconciler.Emulator.Tests.Http;
using Reconciler.Emulator.Wire;
using Reconciler.Testing;

namespace Reconciler.Emulator.Tests.ApiModel;

/// <summary>The emulator's one list of wire names, held to the model both ways: what it writes is a valid request by
/// the model's names and shapes, and what it reads back is what was written.</summary>
public sealed class WireConfigurationTests
{
    private static readonly ModelShapeChecker Model = ModelShapeChecker.Lambda();

    [Theory]
    [MemberData(nameof(WireSamples.Kinds), MemberType = typeof(WireSamples))]
    public void Reading_a_request_and_writing_it_again_gives_the_same_request_with_the_models_names(string kind)
    {
        using var sent = JsonDocument.Parse(WireSamples.ByKind[kind]);
        var unknown = new List<string>();

        var read = WireConfiguration.Read(sent.RootElement, unknown);
        var written = WireConfiguration.Write(read);

        Assert.Empty(unknown);
        Assert.True(JsonElement.DeepEquals(sent.RootElement, JsonSerializer.SerializeToElement(written)),
            $"{kind}:\nsent    {sent.RootElement}\nwritten {written.ToJsonString()}");
        var problems = Model.Check("CreateEventSourceMappingRequest", written.ToJsonString());
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void Every_member_of_the_create_request_has_a_wire_name_here()
    {
        var everything = new MappingConfiguration
        {
            FunctionName = "f", EventSourceArn = "arn:aws:sqs:us-east-1:123456789012:q", Enabled = true, BatchSize = 1,
            FilterCriteria = new FilterCriteria([new Filter("{}")]), KmsKeyArn = "", MetricsConfig = new MetricsConfig([]),
            LoggingConfig = new LoggingConfig("INFO"), ScalingConfig = new ScalingConfig(2), MaximumBatchingWindowInSeconds = 0,
            ParallelizationFactor = 1, StartingPosition = "LATEST", StartingPositionTimestamp = DateTimeOffset.UnixEpoch,
            DestinationConfig = new DestinationConfig(new OnFailure("x"), new OnSuccess("y")), MaximumRecordAgeInSeconds = -1,
            BisectBatchOnFunctionError = false, MaximumRetryAttempts = -1, Tags = new Dictionary<string, string>(), TumblingWindowInSeconds = 0,
            Topics = [], Queues = [], SourceAccessConfigurations = [], SelfManagedEventSource = new SelfManagedEventSource(null),
            FunctionResponseTypes = [], AmazonManagedKafkaEventSourceConfig = new KafkaEventSourceConfig(null, null),
            SelfManagedKafkaEventSourceConfig = new KafkaEventSourceConfig(null, null),
            DocumentDBEventSourceConfig = new DocumentDBEventSourceConfig(null, null, null), ProvisionedPollerConfig = new ProvisionedPollerConfig(null, null, null),
        };

        var written = WireConfiguration.Write(everything).Select(m => m.Key).Order(StringComparer.Ordinal);

        Assert.Equal(Model.BodyMembers("CreateEventSourceMappingRequest").Order(StringComparer.Ordinal), written);
    }
}
