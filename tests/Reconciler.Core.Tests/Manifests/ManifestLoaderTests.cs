using Reconciler.Core.Diagnostics;
using Reconciler.Core.Manifests;
using Reconciler.Core.Model;
using Reconciler.Core.Tests.Validation;
using Reconciler.Testing;

namespace Reconciler.Core.Tests.Manifests;

public sealed class ManifestLoaderTests
{
    private const string Header = "apiVersion: esmctl/v1\nkind: EventSourceMapping\n";

    private static string Sqs(string name, string queue = "orders", string extra = "") => Header + $"""
        metadata:
          name: {name}
        spec:
          functionName: f-{name}
          eventSourceArn: arn:aws:sqs:us-east-1:123456789012:{queue}
        {extra}
        """;

    [Fact]
    public void Examples_hold_one_valid_mapping_of_every_source_kind()
    {
        var set = ManifestLoader.Load([RepositoryPaths.Examples], new ManualTimeProvider(Load.Now));

        Assert.True(set.Diagnostics.Count == 0, string.Join("\n", set.Diagnostics));
        Assert.Equal(9, set.Mappings.Count);
        // examples/deploy/ holds the daemon's Kubernetes manifests and examples/github/ three GitHub workflows:
        // read, and skipped as other tools'.
        Assert.Equal(13, set.Files.Count);
        Assert.Equal(5, set.SkippedDocuments);
        var kinds = set.Mappings.Select(m => EventSource.KindOf(m.Spec)).ToList();
        foreach (var kind in Enum.GetValues<SourceKind>().Where(k => k != SourceKind.Unknown)) Assert.Contains(kind, kinds);
        Assert.Contains(set.Mappings, m => EventSource.IsFifoQueue(m.Spec.EventSourceArn));
        Assert.Contains(set.Mappings, m => m.Spec.SourceAccessConfigurations?.Any(a => a.Type == "VIRTUAL_HOST") == true);
        Assert.Equal(set.Mappings.Count, set.Mappings.Select(m => m.Name).Distinct().Count());
        foreach (var file in Directory.GetFiles(RepositoryPaths.Examples, "*.yaml"))
        {
            Assert.StartsWith("# yaml-language-server: $schema=../schemas/eventsourcemapping.v1.schema.json\n", File.ReadAllText(file));
        }
    }

    [Fact]
    public void Spec_is_converted_to_the_domain_model()
    {
        var set = Load.Text(Header + """
            metadata:
              name: orders
              region: us-east-1
              account: "123456789012"
            spec:
              functionName: order-processor
              eventSourceArn: arn:aws:kinesis:us-east-1:123456789012:stream/s
              enabled: false
              batchSize: 10
              startingPosition: AT_TIMESTAMP
              startingPositionTimestamp: 2026-05-01T10:00:00+02:00
              filterCriteria:
                filters:
                  - pattern:
                      body:
                        price: [{numeric: [">", 100]}]
                        flag: [true]
                  - pattern: '{ "a" : [ 1 ] }'
              destinationConfig: {onFailure: {destination: "arn:aws:sqs:us-east-1:123456789012:dlq"}}
              tags: {team: payments, "cost center": "42"}
              functionResponseTypes: [ReportBatchItemFailures]
            """);

        Assert.Empty(set.Diagnostics);
        var mapping = Assert.Single(set.Mappings);
        Assert.Equal(("orders", "us-east-1", "123456789012"), (mapping.Name, mapping.Region, mapping.Account));
        Assert.Equal(new SourceLocation("m.yaml", 1, 1), mapping.Location);
        var spec = mapping.Spec;
        Assert.Equal("order-processor", spec.FunctionName);
        Assert.False(spec.Enabled);
        Assert.Equal(10, spec.BatchSize);
        Assert.Equal(new DateTimeOffset(2026, 5, 1, 8, 0, 0, TimeSpan.Zero), spec.StartingPositionTimestamp);
        Assert.Equal(["{\"body\":{\"price\":[{\"numeric\":[\">\",100]}],\"flag\":[true]}}", "{ \"a\" : [ 1 ] }"],
            spec.FilterCriteria!.Filters!.Select(f => f.Pattern));
        Assert.Equal("arn:aws:sqs:us-east-1:123456789012:dlq", spec.DestinationConfig!.OnFailure!.Destination);
        Assert.Equal("42", spec.Tags!["cost center"]);
        Assert.Equal(["ReportBatchItemFailures"], spec.FunctionResponseTypes!);
        Assert.Null(spec.ScalingConfig);
    }

    [Fact]
    public void Epoch_seconds_become_a_timestamp()
    {
        var set = Load.Text(Header + """
            metadata: {name: k}
            spec:
              functionName: f
              eventSourceArn: arn:aws:kinesis:us-east-1:123456789012:stream/s
              startingPosition: AT_TIMESTAMP
              startingPositionTimestamp: 1569284520.333
            """);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1569284520333), Assert.Single(set.Mappings).Spec.StartingPositionTimestamp);
    }

    [Fact]
    public void Several_documents_per_file_and_empty_documents_are_handled()
    {
        var set = Load.Text("---\n" + Sqs("a", "qa") + "\n---\n# nothing here\n---\n" + Sqs("b", "qb") + "\n...\n");
        Assert.Equal(["a", "b"], set.Mappings.Select(m => m.Name));
        var warning = Assert.Single(set.Diagnostics);
        Assert.Equal((Severity.Warning, 10), (warning.Severity, warning.Location.Line));
        Assert.Equal(13, set.Mappings[1].Location.Line); // the first key after the document marker
    }

    [Fact]
    public void Any_error_empties_the_mappings()
    {
        var set = Load.Files(("a.yaml", Sqs("a")), ("b.yaml", Sqs("b", extra: "  batchSize: 0")));
        Assert.True(set.HasErrors);
        Assert.Empty(set.Mappings);
        Assert.Equal(["a.yaml", "b.yaml"], set.Files);
    }

    [Fact]
    public void Duplicate_name_in_one_region_names_the_first_location()
    {
        var set = Load.Files(("a.yaml", Sqs("same", "q1")), ("b.yaml", Sqs("same", "q2")));
        var error = Assert.Single(set.Diagnostics);
        Assert.Equal(("b.yaml", 4, 9, "metadata.name"), (error.Location.File, error.Location.Line, error.Location.Column, error.Field));
        Assert.Contains("already used by the mapping at a.yaml:1:1", error.Message);
    }

    [Fact]
    public void Same_name_in_another_region_is_allowed()
    {
        var other = Sqs("same", "q2").Replace("us-east-1", "eu-west-1");
        var set = Load.Files(("a.yaml", Sqs("same", "q1")), ("b.yaml", other));
        Assert.Empty(set.Diagnostics);
        Assert.Equal(2, set.Mappings.Count);
    }

    [Fact]
    public void Same_function_and_source_twice_is_refused_on_the_second()
    {
        var first = Header + "metadata: {name: one}\nspec:\n  functionName: arn:aws:lambda:us-east-1:123456789012:function:worker\n  eventSourceArn: arn:aws:sqs:us-east-1:123456789012:jobs\n";
        var second = Header + "metadata: {name: two}\nspec:\n  functionName: worker\n  eventSourceArn: arn:aws:sqs:us-east-1:123456789012:jobs\n";
        var set = Load.Files(("a.yaml", first), ("b.yaml", second));
        var error = Assert.Single(set.Diagnostics);
        Assert.Equal(("b.yaml", 5, "spec.functionName"), (error.Location.File, error.Location.Line, error.Field));
        Assert.Contains("a.yaml:1:1 (one) already connects this function to this source", error.Message);
    }

    [Fact]
    public void Same_function_on_another_Kafka_topic_is_allowed()
    {
        string Kafka(string name, string topic) => Header + $"metadata: {{name: {name}}}\nspec:\n  functionName: f\n  selfManagedEventSource: {{endpoints: {{KAFKA_BOOTSTRAP_SERVERS: ['k.example.com:9092']}}}}\n  topics: [{topic}]\n  startingPosition: LATEST\n  sourceAccessConfigurations: [{{type: SASL_SCRAM_512_AUTH, uri: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:k'}}]\n";
        Assert.Empty(Load.Files(("a.yaml", Kafka("a", "orders")), ("b.yaml", Kafka("b", "refunds"))).Diagnostics);
        Assert.Single(Load.Files(("a.yaml", Kafka("a", "orders")), ("b.yaml", Kafka("b", "orders"))).Diagnostics);
    }

    [Theory]
    [InlineData("['k1:9092']", "['k1:9092', 'k2:9092']", "orders", true)]
    [InlineData("['k2:9092', 'k1:9092']", "['k1:9092', 'k2:9092']", "orders", true)]
    [InlineData("['k1:9092']", "['k2:9092']", "orders", false)]
    [InlineData("['k1:9092']", "['k1:9092', 'k2:9092']", "refunds", false)]
    public void Kafka_mappings_of_one_function_and_topic_may_not_share_a_broker(string first, string second, string topic, bool refused)
    {
        // Recorded: AWS refuses a second mapping whose broker list overlaps the first's, with the same function and topic.
        string Kafka(string name, string brokers, string t) => Header + $"metadata: {{name: {name}}}\nspec:\n  functionName: f\n  selfManagedEventSource: {{endpoints: {{KAFKA_BOOTSTRAP_SERVERS: {brokers}}}}}\n  topics: [{t}]\n  sourceAccessConfigurations: [{{type: BASIC_AUTH, uri: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:k'}}]\n";
        var set = Load.Files(("a.yaml", Kafka("a", first, "orders")), ("b.yaml", Kafka("b", second, topic)));
        if (!refused)
        {
            Assert.Empty(set.Diagnostics);
            return;
        }
        var error = Assert.Single(set.Diagnostics);
        Assert.Equal(("b.yaml", "spec.functionName"), (error.Location.File, error.Field));
        Assert.Contains("already connects this function to this source", error.Message);
    }

    [Fact]
    public void Digest_changes_with_content_and_path_but_not_with_order()
    {
        var a = new ManifestFile("a.yaml", [1, 2]);
        var b = new ManifestFile("b.yaml", [3]);
        Assert.Equal(ManifestDigest.Compute([a, b]), ManifestDigest.Compute([b, a]));
        Assert.NotEqual(ManifestDigest.Compute([a, b]), ManifestDigest.Compute([a, b with { Content = [4] }]));
        Assert.NotEqual(ManifestDigest.Compute([a]), ManifestDigest.Compute([a with { Path = "c.yaml" }]));
        Assert.Matches("^[0-9a-f]{64}$", ManifestDigest.Compute([a]));
    }
}
