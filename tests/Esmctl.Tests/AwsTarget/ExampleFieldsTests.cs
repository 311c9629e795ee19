using System.Text.Json.Nodes;
using Esmctl.Tests.Support;
using Reconciler.Core.Model;

namespace Esmctl.Tests.AwsTarget;

/// <summary>One apply of every example through the real esmctl process and the HTTP face, then a look at what the
/// control plane holds: each source type's own members arrived, under the names the wire format gives them.</summary>
public sealed class ExampleFieldsTests : IDisposable
{
    private readonly TempWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task Every_source_type_reaches_the_control_plane_with_its_own_members()
    {
        await using var emulator = await EmulatorHarness.StartAsync();
        var apply = await InProcessEsmctl.With(EmulatorHarness.AwsEnvironment()).RunAsync(["apply", _workspace.Manifests, "--auto-approve", .. emulator.TargetArguments]);
        Assert.True(apply.ExitCode == 0, apply.Stdout + apply.Stderr);

        var mappings = await emulator.MappingsAsync();
        Assert.Equal(9, mappings.Count);
        var byName = mappings.ToDictionary(m => m.Tags[ManagedTags.Name]);
        foreach (var (mapping, tags) in mappings)
            Assert.Equal(ManagedTags.DefaultOwner, tags[ManagedTags.ManagedBy]);
        Assert.Equal(9, emulator.Requests("CreateEventSourceMapping"));

        var sqs = Mapping("orders-to-processor", ":function:order-processor");
        Assert.Equal(ExampleMappings.OrdersQueue, sqs.EventSourceArn);
        Assert.Equal((50, 5, 50), (sqs.BatchSize, sqs.MaximumBatchingWindowInSeconds, sqs.ScalingConfig?.MaximumConcurrency));
        AssertPattern("""{"body":{"type":["order"]}}""", sqs);
        Assert.Equal(["ReportBatchItemFailures"], sqs.FunctionResponseTypes!);
        Assert.Equal("payments", byName["orders-to-processor"].Tags["team"]);

        var fifo = Mapping("ledger-fifo-to-writer", ":function:ledger-writer:live");
        Assert.Equal("arn:aws:sqs:us-east-1:123456789012:ledger-entries.fifo", fifo.EventSourceArn);
        Assert.Equal(10, fifo.BatchSize);
        AssertPattern("""{"body":{"amount":[{"numeric":[">",0]}]}}""", fifo);
        Assert.Equal("finance", byName["ledger-fifo-to-writer"].Tags["team"]);

        var kinesis = Mapping("clickstream-to-aggregator", ":function:clickstream-aggregator");
        Assert.Equal("TRIM_HORIZON", kinesis.StartingPosition);
        Assert.Equal((500, 10, 2), (kinesis.BatchSize, kinesis.MaximumBatchingWindowInSeconds, kinesis.ParallelizationFactor));
        Assert.Equal((true, 3, 3600), (kinesis.BisectBatchOnFunctionError, kinesis.MaximumRetryAttempts, kinesis.MaximumRecordAgeInSeconds));
        Assert.Equal("arn:aws:sqs:us-east-1:123456789012:clickstream-dlq", kinesis.DestinationConfig?.OnFailure?.Destination);
        Assert.Equal(["ReportBatchItemFailures"], kinesis.FunctionResponseTypes!);

        var dynamo = Mapping("inventory-stream-to-projector", ":function:inventory-projector");
        Assert.Equal("LATEST", dynamo.StartingPosition);
        Assert.Equal((100, 1, 300, 5), (dynamo.BatchSize, dynamo.MaximumBatchingWindowInSeconds, dynamo.TumblingWindowInSeconds, dynamo.MaximumRetryAttempts));
        AssertPattern("""{"eventName":["INSERT","MODIFY"]}""", dynamo);

        var docdb = Mapping("profiles-docdb-to-indexer", ":function:profile-indexer");
        Assert.Equal(new DocumentDBEventSourceConfig("accounts", "profiles", "UpdateLookup"), docdb.DocumentDBEventSourceConfig);
        Assert.Equal([new SourceAccessConfiguration("BASIC_AUTH", "arn:aws:secretsmanager:us-east-1:123456789012:secret:docdb-credentials-Mn4Op5")],
            docdb.SourceAccessConfigurations!);

        var activeMq = Mapping("invoices-activemq-to-renderer", ":function:invoice-renderer");
        Assert.Equal(["invoices.render"], activeMq.Queues!);
        Assert.Equal(10, activeMq.BatchSize);
        Assert.Equal("BASIC_AUTH", Assert.Single(activeMq.SourceAccessConfigurations!).Type);

        var rabbit = Mapping("emails-rabbitmq-to-sender", ":function:email-sender");
        Assert.Equal(["outbound-emails"], rabbit.Queues!);
        Assert.Contains(new SourceAccessConfiguration("VIRTUAL_HOST", "/notifications"), rabbit.SourceAccessConfigurations!);

        var msk = Mapping("payments-msk-to-settler", ":function:payment-settler");
        Assert.Equal(["payments.settled"], msk.Topics!);
        Assert.Equal("payment-settler", msk.AmazonManagedKafkaEventSourceConfig?.ConsumerGroupId);
        Assert.Equal((1, 10), (msk.ProvisionedPollerConfig?.MinimumPollers, msk.ProvisionedPollerConfig?.MaximumPollers));
        Assert.Equal("WARN", msk.LoggingConfig?.SystemLogLevel);

        var kafka = Mapping("shipments-kafka-to-tracker", ":function:shipment-tracker");
        Assert.Null(kafka.EventSourceArn);
        Assert.Equal(["kafka-1.internal.example.com:9096", "kafka-2.internal.example.com:9096"],
            kafka.SelfManagedEventSource!.Endpoints!["KAFKA_BOOTSTRAP_SERVERS"]);
        Assert.Equal(["shipments"], kafka.Topics!);
        Assert.Equal("shipment-tracker", kafka.SelfManagedKafkaEventSourceConfig?.ConsumerGroupId);
        Assert.Equal(["SASL_SCRAM_512_AUTH", "VPC_SECURITY_GROUP", "VPC_SUBNET"],
            kafka.SourceAccessConfigurations!.Select(s => s.Type!).Order(StringComparer.Ordinal));

        MappingConfiguration Mapping(string name, string functionSuffix)
        {
            Assert.True(byName.ContainsKey(name), $"no mapping tagged {ManagedTags.Name}={name}");
            var live = byName[name].Mapping;
            Assert.EndsWith(functionSuffix, live.FunctionArn, StringComparison.Ordinal);
            return live.Configuration;
        }
    }

    private static void AssertPattern(string expected, MappingConfiguration live)
    {
        var pattern = Assert.Single(live.FilterCriteria!.Filters!).Pattern;
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), JsonNode.Parse(pattern!)), $"filter pattern was {pattern}");
    }
}
