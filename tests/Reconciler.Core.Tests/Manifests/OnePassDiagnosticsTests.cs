using Reconciler.Core.Diagnostics;

namespace Reconciler.Core.Tests.Manifests;

/// <summary>Errors that help: every problem of a run in one pass, at the line and column where it was written, with
/// the field it concerns; a rule that depends on a field the schema rejected is skipped, not reported twice.</summary>
public sealed class OnePassDiagnosticsTests
{
    [Fact]
    public void Six_independent_mistakes_are_reported_in_one_run()
    {
        // Schema errors (a misspelt field, a wrong type, an out-of-range value), a filter pattern that is not JSON,
        // and two semantic rules: before, this took three runs.
        var set = Load.Text("""
            apiVersion: esmctl/v1
            kind: EventSourceMapping
            metadata:
              name: orders
            spec:
              functionName: f
              eventSourceArn: arn:aws:sqs:us-east-1:123456789012:orders
              batchsize: 10
              enabled: yes
              maximumBatchingWindowInSeconds: 301
              filterCriteria:
                filters:
                  - pattern: '{"body": {"type": ["order"]}'
              startingPosition: LATEST
              parallelizationFactor: 2
            """);

        var errors = set.Diagnostics.Where(d => d.Severity == Severity.Error).ToList();
        Assert.Equal(
            [
                (8, "spec.batchsize", "did you mean `batchSize`?"),
                (9, "spec.enabled", "expected true or false"),
                (10, "spec.maximumBatchingWindowInSeconds", "above the maximum 300"),
                (13, "spec.filterCriteria.filters[0].pattern", "not valid JSON"),
                (14, "spec.startingPosition", "applies only to streams"),
                (15, "spec.parallelizationFactor", "applies only to Kinesis and DynamoDB Streams"),
            ],
            errors.Select(e => (e.Location.Line, e.Field, Fragment(e.Message,
                "did you mean `batchSize`?", "expected true or false", "above the maximum 300", "not valid JSON",
                "applies only to streams", "applies only to Kinesis and DynamoDB Streams"))));
    }

    [Fact]
    public void A_rule_that_reads_a_rejected_field_is_skipped()
    {
        // startingPosition: 5 is a schema error; "required for a Kinesis stream" would be a second, false one.
        // batchSize "ten" is rejected, so no batch rule judges a missing batch size.
        var set = Load.Text("""
            apiVersion: esmctl/v1
            kind: EventSourceMapping
            metadata:
              name: clicks
            spec:
              functionName: f
              eventSourceArn: arn:aws:kinesis:us-east-1:123456789012:stream/clicks
              startingPosition: 5
              batchSize: ten
            """);
        Assert.Equal(["spec.batchSize", "spec.startingPosition"], set.Diagnostics.Select(d => d.Field).Distinct().Order());
        Assert.DoesNotContain(set.Diagnostics, d => d.Message.Contains("required for", StringComparison.Ordinal));
    }

    [Fact]
    public void Semantic_rules_still_run_beside_a_schema_error_elsewhere()
    {
        var set = Load.Text("""
            apiVersion: esmctl/v1
            kind: EventSourceMapping
            metadata:
              name: Bad_Name
            spec:
              functionName: f
              eventSourceArn: arn:aws:sqs:us-east-1:123456789012:orders
              batchSize: 50
            """);
        Assert.Equal(["metadata.name", "spec.batchSize"], set.Diagnostics.Select(d => d.Field).Order());
        Assert.Contains("needs maximumBatchingWindowInSeconds", set.Diagnostics.Single(d => d.Field == "spec.batchSize").Message);
    }

    [Fact]
    public void A_broken_spec_section_does_not_hide_the_other_documents()
    {
        var set = Load.Text("""
            apiVersion: esmctl/v1
            kind: EventSourceMapping
            metadata: {name: a}
            spec: [not, a, mapping]
            ---
            apiVersion: esmctl/v1
            kind: EventSourceMapping
            metadata: {name: b}
            spec:
              functionName: f
              eventSourceArn: arn:aws:kinesis:us-east-1:123456789012:stream/s
            """);
        // The first document's spec is reported; the second one's missing startingPosition still is, at its spec.
        Assert.Equal([4, 9], set.Diagnostics.Select(d => d.Location.Line).Distinct());
        Assert.Contains(set.Diagnostics, d => d.Field == "spec.startingPosition" && d.Message.Contains("required for a Kinesis stream"));
    }

    [Theory]
    [InlineData(4, 1, "apiVersion: esmctl/v1\nkind: EventSourceMapping\nmetadata:\n\tname: x\nspec:\n  functionName: f\n")]
    [InlineData(9, 1, "apiVersion: esmctl/v1\nkind: EventSourceMapping\nmetadata:\n  name: x\nspec:\n  functionName: f\n  eventSourceArn: arn:aws:sqs:us-east-1:123456789012:q\n  batchSize: 5\n\tenabled: true\n")]
    [InlineData(9, 3, "apiVersion: esmctl/v1\nkind: EventSourceMapping\nmetadata:\n  name: x\nspec:\n  functionName: f\n  eventSourceArn: arn:aws:sqs:us-east-1:123456789012:q\n  filterCriteria:\n  \tfilters: []\n")]
    public void A_tab_used_for_indentation_is_located_where_it_is(int line, int column, string yaml)
    {
        var error = Assert.Single(Load.Text(yaml).Diagnostics);
        Assert.Equal((line, column), (error.Location.Line, error.Location.Column));
        Assert.Contains("a tab is used for indentation", error.Message);
        Assert.Contains("use spaces", error.Message);
    }

    [Fact]
    public void A_tab_between_a_key_and_its_value_is_fine()
    {
        var set = Load.Text("apiVersion: esmctl/v1\nkind: EventSourceMapping\nmetadata:\n  name:\tx\nspec:\n  functionName:\tf\n  eventSourceArn: arn:aws:sqs:us-east-1:123456789012:q\n");
        Assert.Empty(set.Diagnostics);
    }

    [Theory]
    // The .NET parser says "LineNumber: 0 | BytePositionInLine: 27"; the manifest says where that is.
    [InlineData("      - pattern: '{\"body\": {\"type\": [\"order\"]}'", 13, 47, "ends before every { and [ is closed")]
    [InlineData("      - pattern: \"{\\\"body\\\": {\\\"type\\\": [\\\"order\\\"]}\"", 13, 53, "ends before every")]
    [InlineData("      - pattern: '{\"it''s\": [\"x\"] ]}'", 13, 35, "']' is invalid without a matching open")]
    [InlineData("      - pattern: '{\"naïve\": [\"ü\"], \"x\": [1,]}'", 13, 44, "JSON allows no trailing comma")]
    [InlineData("      - pattern: |\n          {\"body\":\n            {\"type\": [\"order\"] ]}", 15, 32, "at line 2, column 22 of the pattern")]
    public void A_JSON_syntax_error_in_a_pattern_is_located_in_the_manifest(string patternLines, int line, int column, string message)
    {
        var set = Load.Text($$"""
            apiVersion: esmctl/v1
            kind: EventSourceMapping
            metadata:
              name: orders
            spec:
              functionName: f
              eventSourceArn: arn:aws:sqs:us-east-1:123456789012:orders
              maximumBatchingWindowInSeconds: 1
              batchSize: 20
              filterCriteria:
                filters:
                  - pattern: '{"ok": ["yes"]}'
            {{patternLines}}
            """);
        var error = Assert.Single(set.Diagnostics);
        Assert.Equal("spec.filterCriteria.filters[1].pattern", error.Field);
        Assert.Equal((line, column), (error.Location.Line, error.Location.Column));
        Assert.Contains(message, error.Message);
        Assert.DoesNotContain("LineNumber", error.Message);
        Assert.DoesNotContain("BytePositionInLine", error.Message);
    }

    [Fact]
    public void A_grammar_error_in_a_pattern_written_as_YAML_points_at_its_key()
    {
        var set = Load.Text("""
            apiVersion: esmctl/v1
            kind: EventSourceMapping
            metadata:
              name: orders
            spec:
              functionName: f
              eventSourceArn: arn:aws:sqs:us-east-1:123456789012:orders
              filterCriteria:
                filters:
                  - pattern:
                      body:
                        type: order
                        total: [{numeric: [">", 10]}]
                        tag: [{prefx: eu-}]
            """);
        Assert.Equal(
            [(12, 13, "spec.filterCriteria.filters[0].pattern.body.type"), (14, 20, "spec.filterCriteria.filters[0].pattern.body.tag[0].prefx")],
            set.Diagnostics.Select(d => (d.Location.Line, d.Location.Column, d.Field)));
    }

    [Fact]
    public void A_pattern_too_long_once_serialised_is_refused_offline()
    {
        // Written as YAML the pattern is short per line, but it is sent as one JSON string over 4,096 characters.
        var values = string.Join(", ", Enumerable.Range(0, 500).Select(i => $"value-{i:000}"));
        var set = Load.Text($"""
            apiVersion: esmctl/v1
            kind: EventSourceMapping
            metadata:
              name: orders
            spec:
              functionName: f
              eventSourceArn: arn:aws:sqs:us-east-1:123456789012:orders
              filterCriteria:
                filters:
                  - pattern:
                      body:
                        type: [{values}]
            """);
        var error = Assert.Single(set.Diagnostics);
        Assert.Equal("spec.filterCriteria.filters[0].pattern", error.Field);
        Assert.Contains("characters as sent to AWS", error.Message);
    }

    [Fact]
    public void Forty_nine_tags_are_refused_because_esmctl_adds_two()
    {
        var tags = string.Join("\n", Enumerable.Range(0, 49).Select(i => $"    t{i}: v"));
        var set = Load.Text($"""
            apiVersion: esmctl/v1
            kind: EventSourceMapping
            metadata:
              name: orders
            spec:
              functionName: f
              eventSourceArn: arn:aws:sqs:us-east-1:123456789012:orders
              tags:
            {tags}
            """);
        var error = Assert.Single(set.Diagnostics);
        Assert.Equal(("spec.tags", 9), (error.Field, error.Location.Line));
        Assert.Contains("49 tags plus esmctl's 2", error.Message);
    }

    private static string Fragment(string message, params string[] fragments) =>
        fragments.FirstOrDefault(f => message.Contains(f, StringComparison.Ordinal)) ?? message;
}
