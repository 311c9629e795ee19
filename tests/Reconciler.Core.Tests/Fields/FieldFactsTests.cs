using System.Text.Json.Nodes;
using Reconciler.Core.Fields;
using Reconciler.Core.Model;
using Reconciler.Core.Planning;

namespace Reconciler.Core.Tests.Fields;

/// <summary>The decisions the table records, seen through the diff: each documented or recorded default equals the
/// omitted member (no perpetual diff), and clearing sends what the table says or warns where nothing can.</summary>
public sealed class FieldFactsTests
{
    private const string FunctionArn = "arn:aws:lambda:us-east-1:123456789012:function:fn";

    private static LiveMapping Live(MappingConfiguration configuration, string state = MappingStates.Enabled) => new()
    {
        Uuid = "7d9e4d2c-1b2a-4c3d-8e9f-0a1b2c3d4e5f",
        EventSourceMappingArn = "arn:aws:lambda:us-east-1:123456789012:event-source-mapping:7d9e4d2c-1b2a-4c3d-8e9f-0a1b2c3d4e5f",
        FunctionArn = FunctionArn,
        State = state,
        Configuration = configuration with { FunctionName = FunctionArn },
    };

    private static readonly MappingConfiguration Kafka = new()
    {
        FunctionName = "fn",
        SelfManagedEventSource = new SelfManagedEventSource(new Dictionary<string, IReadOnlyList<string>> { ["KAFKA_BOOTSTRAP_SERVERS"] = ["kafka:1000"] }),
        Topics = ["topic"],
        SourceAccessConfigurations = [new SourceAccessConfiguration("BASIC_AUTH", "arn:aws:secretsmanager:us-east-1:123456789012:secret:k")],
    };

    [Fact]
    public void Self_managed_Kafka_without_a_starting_position_or_consumer_group_matches_what_AWS_recorded()
    {
        var live = Live(Kafka with
        {
            BatchSize = 100,
            StartingPosition = "TRIM_HORIZON",
            SelfManagedKafkaEventSourceConfig = new KafkaEventSourceConfig("7d9e4d2c-1b2a-4c3d-8e9f-0a1b2c3d4e5f", null),
        });
        var (changes, warnings) = FieldDiff.Compare(Kafka, FunctionArn, live);
        Assert.Empty(changes);
        Assert.Empty(warnings);

        // Whatever position AWS picked, an omitted one is its choice: never a replacement. A named one is compared.
        var latest = live with { Configuration = live.Configuration with { StartingPosition = "LATEST" } };
        Assert.Empty(FieldDiff.Compare(Kafka, FunctionArn, latest).Changes);
        var (moved, _) = FieldDiff.Compare(Kafka with { StartingPosition = "TRIM_HORIZON" }, FunctionArn, latest);
        var change = Assert.Single(moved);
        Assert.Equal(("startingPosition", "\"LATEST\"", "\"TRIM_HORIZON\"", true), (change.Field, change.Before!.ToJsonString(), change.After!.ToJsonString(), change.ForcesReplacement));
    }

    [Theory]
    [InlineData("arn:aws:sqs:us-east-1:123456789012:q", 10)]
    [InlineData("arn:aws:kinesis:us-east-1:123456789012:stream/s", 100)]
    [InlineData("arn:aws:kafka:us-east-1:123456789012:cluster/c/1", 100)]
    public void Each_documented_default_is_the_clearing_value_sent_when_the_manifest_drops_a_member(string source, int batchSize)
    {
        var desired = new MappingConfiguration { FunctionName = "fn", EventSourceArn = source, StartingPosition = source.Contains(":sqs:") ? null : "LATEST", Topics = source.Contains(":kafka:") ? ["t"] : null };
        var request = UpdateRequestBuilder.Build(desired, ["batchSize", "enabled"]);
        Assert.Equal(new MappingConfiguration { BatchSize = batchSize, Enabled = true }, request);
    }

    [Fact]
    public void A_window_the_API_cannot_restore_is_left_with_a_warning_but_zero_is_the_500_ms_default()
    {
        var msk = new MappingConfiguration { FunctionName = "fn", EventSourceArn = "arn:aws:kafka:us-east-1:123456789012:cluster/c/1", Topics = ["t"], StartingPosition = "LATEST" };
        var (changes, warnings) = FieldDiff.Compare(msk, FunctionArn, Live(msk with { MaximumBatchingWindowInSeconds = 5 }));
        Assert.Empty(changes);
        Assert.Equal(["maximumBatchingWindowInSeconds: the manifest omits it but the mapping has 5; the API cannot restore the 500 ms default, so it stays (recreate the mapping to restore it)"], warnings);
        Assert.Empty(FieldDiff.Compare(msk, FunctionArn, Live(msk with { MaximumBatchingWindowInSeconds = 0 })).Warnings);
        Assert.Throws<InvalidOperationException>(() => UpdateRequestBuilder.Build(msk, ["maximumBatchingWindowInSeconds"]));
    }

    [Fact]
    public void A_member_the_source_kind_does_not_take_is_not_compared()
    {
        var sqs = new MappingConfiguration { FunctionName = "fn", EventSourceArn = "arn:aws:sqs:us-east-1:123456789012:q" };
        // A server that echoes stream defaults for a queue is not asking for anything.
        var (changes, warnings) = FieldDiff.Compare(sqs, FunctionArn, Live(sqs with { ParallelizationFactor = 1, TumblingWindowInSeconds = 0, MaximumRetryAttempts = -1 }));
        Assert.Empty(changes);
        Assert.Empty(warnings);
    }

    [Fact]
    public void Every_clearing_value_in_the_table_makes_a_conforming_update_body()
    {
        var checker = Reconciler.Testing.ModelShapeChecker.Lambda();
        foreach (var field in MappingFields.Table.Configuration.Where(f => f.InUpdate))
        {
            foreach (var kind in Enum.GetValues<SourceKind>().Where(k => k != SourceKind.Unknown && field.Accepts(k)))
            {
                var clearing = field.Clearing.For(kind);
                JsonNode? value = clearing.Kind switch
                {
                    ClearingKind.Value => clearing.Value,
                    ClearingKind.Default => field.DefaultFor(kind),
                    _ => null,
                };
                if (clearing.Kind is ClearingKind.Value or ClearingKind.Default)
                    Assert.True(value is not null, $"{field.Path} for {kind}: no value to clear with");
                if (value is null) continue;
                var body = new JsonObject { [field.WireName] = value.DeepClone() };
                Assert.Empty(checker.Check(FieldTableGenerator.UpdateShape, body.ToJsonString()));
            }
        }
    }
}
