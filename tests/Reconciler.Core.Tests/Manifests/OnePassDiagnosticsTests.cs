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
    public void A_grammar_error_in_a_pattern_written_as_a_string_points_at_its_key()
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
                  - pattern: |
                      {"body": {
                         "type": "order",
                         "n": [{"numeric": [">", 5, ">", 7]}],
                         "x": [{"Prefix": "a"}]
                      }}
                  - pattern: '{"it''s": ["x"], "a": {}}'
            """);
        Assert.Equal(
            [
                (12, 14, "spec.filterCriteria.filters[0].pattern", "at body.type: "),
                (13, 21, "spec.filterCriteria.filters[0].pattern", "at body.n[0].numeric: "),
                (14, 21, "spec.filterCriteria.filters[0].pattern", "at body.x[0].Prefix: "),
                (16, 36, "spec.filterCriteria.filters[1].pattern", "at a: "),
            ],
            set.Diagnostics.Select(d => (d.Location.Line, d.Location.Column, d.Field, d.Message[..(d.Message.IndexOf(": ", StringComparison.Ordinal) + 2)])));
    }

    [Fact]
    public void A_key_written_twice_in_a_pattern_string_is_a_warning_and_plans()
    {
        // JSON allows it and AWS's pattern compiler keeps the last value, so it is not refused; it is almost
        // certainly a mistake, so it is said. Planning such a pattern crashed.
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
                  - pattern: '{"body": {"type": ["order"], "type": ["refund"]}}'
            """);
        var warning = Assert.Single(set.Diagnostics);
        Assert.Equal((Severity.Warning, 10, 48, "spec.filterCriteria.filters[0].pattern"), (warning.Severity, warning.Location.Line, warning.Location.Column, warning.Field));
        Assert.Contains("at body.type: \"type\" is written twice; AWS uses only the last", warning.Message);
        var plan = Reconciler.Core.Planning.Planner.Plan(set.Mappings, Reconciler.Core.Live.LiveState.Empty, new Reconciler.Core.Planning.PlanOptions());
        Assert.Single(plan.Actions);
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

    [Fact]
    public void A_schema_error_under_a_tag_key_with_dots_or_spaces_is_placed_at_its_value()
    {
        // Kubernetes-style keys (app.kubernetes.io/name) are common tags; the schema reports them as tags['...'].
        var set = Load.Text("""
            apiVersion: esmctl/v1
            kind: EventSourceMapping
            metadata:
              name: orders
            spec:
              functionName: f
              eventSourceArn: arn:aws:sqs:us-east-1:123456789012:orders
              tags:
                ok: v
                app.kubernetes.io/name: "orders#1"
                "cost center": "a|b"
                "it's.x": "c;d"
            """);
        Assert.Equal(
            [
                (10, 29, "spec.tags.app.kubernetes.io/name", "\"orders#1\""),
                (11, 20, "spec.tags.cost center", "\"a|b\""),
                (12, 5, "spec.tags.it's.x", "a"), // and ' is no tag key character: "a tag key is 1..128 ..."
                (12, 15, "spec.tags.it's.x", "\"c;d\""),
            ],
            set.Diagnostics.Select(d => (d.Location.Line, d.Location.Column, d.Field, d.Message.Split(' ')[0])));
    }

    [Fact]
    public void A_value_written_as_a_block_keeps_its_newline_and_fails_the_model_pattern()
    {
        // A | block ends in a newline, which AWS's patterns (Java, whole value) refuse; .NET's $ matches before a
        // final newline, so these passed validate and the create failed at AWS.
        var set = Load.Text("""
            apiVersion: esmctl/v1
            kind: EventSourceMapping
            metadata:
              name: orders
            spec:
              functionName: |
                order-processor
              tags:
                team: |
                  payments
              eventSourceArn: arn:aws:sqs:us-east-1:123456789012:orders
            """);
        Assert.Equal(["spec.functionName", "spec.tags.team"], set.Diagnostics.Select(d => d.Field).Order());
    }

    [Fact]
    public void A_tag_in_letters_beyond_the_BMP_is_valid_and_an_emoji_is_not()
    {
        // U+20000 is a CJK ideograph (a letter, two UTF-16 units): AWS's Java pattern reads it as \p{L}; .NET's did not.
        var set = Load.Text("""
            apiVersion: esmctl/v1
            kind: EventSourceMapping
            metadata:
              name: orders
            spec:
              functionName: f
              eventSourceArn: arn:aws:sqs:us-east-1:123456789012:orders
              tags:
                "\U00020000": "\U00020000家"
                mood: "\U0001F642"
            """);
        var error = Assert.Single(set.Diagnostics);
        Assert.Equal(("spec.tags.mood", 10), (error.Field, error.Location.Line));
    }

    [Fact]
    public void A_diagnostic_is_one_line_whatever_the_value_holds()
    {
        // A tag value written as a | block ends in a newline; the text output is one diagnostic per line.
        var set = Load.Text("""
            apiVersion: esmctl/v1
            kind: EventSourceMapping
            metadata:
              name: orders
            spec:
              functionName: f
              eventSourceArn: arn:aws:sqs:us-east-1:123456789012:orders
              tags:
                "team\tname": payments
            ---
            apiVersion: esmctl/v1
            kind: EventSourceMapping
            metadata:
              name: refunds
            spec:
              functionName: f
              tags:
                team: |
                  payments
              eventSourceArn: arn:aws:sqs:us-east-1:123456789012:refunds
            """);
        var lines = set.Diagnostics.Select(d => d.ToString()).ToList();
        Assert.NotEmpty(lines);
        Assert.All(lines, line => Assert.DoesNotContain('\n', line));
        Assert.All(lines, line => Assert.DoesNotContain('\t', line));
        Assert.Contains(lines, line => line.Contains("\"payments\\n\"", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.Contains("spec.tags.team\\tname", StringComparison.Ordinal));
    }

    [Fact]
    public void A_schema_error_in_one_filter_does_not_hide_the_others()
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
                  - pattern: '{"body": {"type": "order"}}'
                  - pattern: 5
                  - pattern:
                      body:
                        kind: []
            """);
        Assert.Equal(
            [
                (10, "spec.filterCriteria.filters[0].pattern", "a value to match must be in a list"),
                (11, "spec.filterCriteria.filters[1].pattern", "expected a mapping or a string"),
                (14, "spec.filterCriteria.filters[2].pattern.body.kind", "is an empty list"),
            ],
            set.Diagnostics.Select(d => (d.Location.Line, d.Field, Fragment(d.Message, "a value to match must be in a list", "expected a mapping or a string", "is an empty list"))));
    }

    [Fact]
    public void A_malformed_broker_does_not_hide_the_rules_of_a_self_managed_Kafka_mapping()
    {
        // A scheme in front of a broker (a Kafka client habit) is a schema error; the mapping is still a self-managed
        // Kafka one, so its missing topic and credentials and its SQS-only setting are reported in the same run.
        var set = Load.Text("""
            apiVersion: esmctl/v1
            kind: EventSourceMapping
            metadata:
              name: orders
            spec:
              functionName: f
              selfManagedEventSource:
                endpoints:
                  KAFKA_BOOTSTRAP_SERVERS: ["SASL_SSL://b-1.example.com:9096", "b-2.example.com:9096"]
              scalingConfig:
                maximumConcurrency: 5
            """);
        Assert.Equal(
            [
                "spec.scalingConfig",
                "spec.selfManagedEventSource.endpoints.KAFKA_BOOTSTRAP_SERVERS[0]",
                "spec.sourceAccessConfigurations",
                "spec.topics",
            ],
            set.Diagnostics.Select(d => d.Field).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_filter_that_is_not_a_mapping_never_shifts_the_others_problems_onto_the_wrong_filter()
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
                  - pattern: '{"ok": ["x"]}'
                  - 5
                  - pattern: '{"fine": ["y"]}'
                  - pattern: '{"b": []}'
            """);
        // Every problem reported names the filter it is in; none lands on filters[2], which is fine.
        Assert.Contains(set.Diagnostics, d => d.Field == "spec.filterCriteria.filters[1]");
        Assert.DoesNotContain(set.Diagnostics, d => d.Field.StartsWith("spec.filterCriteria.filters[2]", StringComparison.Ordinal));
        Assert.All(set.Diagnostics.Where(d => d.Field.StartsWith("spec.filterCriteria.filters[3]", StringComparison.Ordinal)), d => Assert.Equal(13, d.Location.Line));
    }

    [Fact]
    public void A_schema_error_in_one_tag_does_not_hide_the_others()
    {
        var set = Load.Text($"""
            apiVersion: esmctl/v1
            kind: EventSourceMapping
            metadata:
              name: orders
            spec:
              functionName: f
              eventSourceArn: arn:aws:sqs:us-east-1:123456789012:orders
              tags:
                team: "a|b"
                {new string('k', 129)}: v
                aws:owner: me
                esmctl:name: other
                cost: {new string('v', 257)}
            """);
        Assert.Equal(
            [
                (9, "spec.tags.team", "is not a valid tag value"),
                (10, "spec.tags." + new string('k', 129), "a tag key is 1..128"),
                (11, "spec.tags.aws:owner", "reserved by AWS"),
                (12, "spec.tags.esmctl:name", "set by esmctl itself"),
                (13, "spec.tags.cost", "at most 256 characters"),
            ],
            set.Diagnostics.Select(d => (d.Location.Line, d.Field, Fragment(d.Message, "is not a valid tag value", "a tag key is 1..128", "reserved by AWS", "set by esmctl itself", "at most 256 characters"))));
    }

    private static string Fragment(string message, params string[] fragments) =>
        fragments.FirstOrDefault(f => message.Contains(f, StringComparison.Ordinal)) ?? message;
}
