using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Reconciler.Core.Model;
using Reconciler.Emulator.ApiModel;
using Reconciler.Emulator.ControlPlane.Behaviour;
using Reconciler.Testing;

namespace Reconciler.Emulator.Tests.ApiModel;

/// <summary>
/// The per-source behaviour table is driven by the model and held to what it cites: each member it names exists in
/// the model (a misspelt one fails at load), each "model" entry quotes the member's documentation, each "recorded"
/// entry names a recording the repository carries, and which sources take which members is read from the model's
/// notes.
/// </summary>
public sealed partial class BehaviourTableTests
{
    private static readonly LambdaModel Model = LambdaModel.Embedded;
    private static readonly SourceBehaviours Table = SourceBehaviours.Embedded(Model);

    private static IEnumerable<BehaviourEntry> AllEntries() =>
        Enum.GetValues<SourceKind>().Where(k => k != SourceKind.Unknown).SelectMany(kind =>
        {
            var b = Table.For(kind);
            return new[] { b.StateTransitionReason }.Concat(b.LastProcessingResult is { } r ? [r] : []).Concat(b.Defaults).Concat(b.Echoes);
        });

    [Fact]
    public void Every_model_citation_is_in_the_members_documentation()
    {
        var create = Model.InputOf("CreateEventSourceMapping");
        foreach (var entry in AllEntries().Where(e => e.Basis == "model"))
        {
            var member = create.Member(entry.Segments[0])!;
            var documentation = Plain(member.Documentation);
            Assert.True(documentation.Contains(entry.Source, StringComparison.Ordinal),
                $"{entry.Path}: the model's documentation does not say \"{entry.Source}\":\n{documentation}");
        }
    }

    [Fact]
    public void Every_recorded_citation_names_a_recording_in_the_repository()
    {
        var recordings = new[] { "aws-recorded", "aws-recorded-api" }
            .SelectMany(folder => Directory.GetFiles(RepositoryPaths.InTests("Reference", folder), "*.snapshot.json"))
            .ToDictionary(path => Path.GetFileName(path)!, path => JsonNode.Parse(File.ReadAllText(path))!.AsObject().Select(e => e.Key).ToList());
        foreach (var entry in AllEntries().Where(e => e.Basis == "recorded"))
        {
            var (file, test) = (entry.Source[..entry.Source.IndexOf(':')], entry.Source[(entry.Source.IndexOf(':') + 1)..].Trim());
            Assert.True(recordings.TryGetValue(file, out var keys), $"{entry.Path}: no recording file {file}");
            Assert.Contains(keys!, key => key.EndsWith("::" + test, StringComparison.Ordinal));
        }
        Assert.Contains(AllEntries(), e => e.Basis == "recorded");
    }

    [Fact]
    public void Which_sources_take_a_member_is_read_from_the_models_notes()
    {
        var read = Table.Applicability.ToDictionary(e => e.Key, e => string.Join(",", e.Value.Order()));

        Assert.Equal("Kinesis,DynamoDbStreams", read["ParallelizationFactor"]);
        Assert.Equal("Kinesis,DynamoDbStreams", read["TumblingWindowInSeconds"]);
        Assert.Equal("Kinesis,DynamoDbStreams,Msk,SelfManagedKafka", read["DestinationConfig"]);
        Assert.Equal("Kinesis,DynamoDbStreams,Msk,SelfManagedKafka", read["MaximumRetryAttempts"]);
        Assert.Equal("Sqs,Kinesis,DynamoDbStreams,Msk,SelfManagedKafka", read["FunctionResponseTypes"]);
        Assert.Equal("Sqs", read["ScalingConfig"]);
        Assert.Equal("Msk,SelfManagedKafka", read["LoggingConfig"]);
        Assert.Equal("Sqs,Msk,SelfManagedKafka", read["ProvisionedPollerConfig"]);
        Assert.Equal("Msk,SelfManagedKafka", read["ProvisionedPollerConfig.PollerGroupName"]);
        Assert.Equal("AmazonMq", read["Queues"]);
        // Members whose documentation says nothing come from the table's "accepts".
        Assert.Equal("Msk,SelfManagedKafka", read["Topics"]);
    }

    [Theory]
    [InlineData("(Kinesis and DynamoDB Streams only) The number", "Kinesis,DynamoDbStreams")]
    [InlineData("<p>(Amazon SQS, Amazon MSK, and self-managed Apache Kafka only) The", "Sqs,Msk,SelfManagedKafka")]
    [InlineData(" (MQ) The name", "AmazonMq")]
    [InlineData("The name of the Kafka topic.", "")]
    public void A_documentation_note_names_its_sources(string documentation, string kinds)
    {
        Assert.Equal(kinds, string.Join(",", MemberApplicability.Parse(documentation)?.Order() ?? Enumerable.Empty<SourceKind>()));
    }

    [Fact]
    public void A_source_the_reader_does_not_know_fails_loudly()
    {
        var error = Assert.Throws<InvalidOperationException>(() => MemberApplicability.Parse("(Amazon Kinesis and Apache Pulsar only) x"));

        Assert.Contains("Apache Pulsar", error.Message);
    }

    [Theory]
    [InlineData("BatchSise", "has no member 'BatchSise'")]
    [InlineData("SelfManagedKafkaEventSourceConfig.ConsumerGroupID", "has no member 'ConsumerGroupID'")]
    public void A_misspelt_member_in_the_table_fails_when_it_is_read(string member, string expected)
    {
        var table = EmbeddedTable();
        table["kinds"]!["Sqs"]!["defaults"]![member] = new JsonObject { ["value"] = 1, ["assumed"] = "test" };

        var error = Assert.Throws<InvalidOperationException>(() => SourceBehaviours.Read(table, Model));

        Assert.Contains(expected, error.Message);
    }

    [Theory]
    [InlineData("BatchSize", "0", "greater than or equal to 1")]
    [InlineData("BatchSize", "\"ten\"", "is not a integer")]
    [InlineData("StartingPosition", "\"EARLIEST\"", "enum value set")]
    public void A_value_the_model_would_refuse_fails_when_it_is_read(string member, string json, string expected)
    {
        var table = EmbeddedTable();
        table["kinds"]!["Sqs"]!["defaults"]![member] = new JsonObject { ["value"] = JsonNode.Parse(json), ["assumed"] = "test" };

        var error = Assert.Throws<InvalidOperationException>(() => SourceBehaviours.Read(table, Model));

        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Every_kind_of_source_must_be_described()
    {
        var table = EmbeddedTable();
        table["kinds"]!.AsObject().Remove("DocumentDb");

        var error = Assert.Throws<InvalidOperationException>(() => SourceBehaviours.Read(table, Model));

        Assert.Contains("DocumentDb", error.Message);
    }

    private static JsonObject EmbeddedTable()
    {
        using var stream = typeof(SourceBehaviours).Assembly.GetManifestResourceStream("Reconciler.Emulator.ControlPlane.Behaviour.source-behaviour.json")!;
        return JsonNode.Parse(stream)!.AsObject();
    }

    private static string Plain(string html) => Whitespace().Replace(Tags().Replace(html, " "), " ").Replace(" .", ".").Trim();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
