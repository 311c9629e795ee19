using Reconciler.Core.Diagnostics;

namespace Reconciler.Core.Tests.Manifests;

public sealed class YamlFeatureTests
{
    [Fact]
    public void Anchors_aliases_and_merge_keys_share_settings_and_local_keys_win()
    {
        var set = Load.Text("""
            apiVersion: esmctl/v1
            kind: EventSourceMapping
            metadata: {name: a}
            spec:
              <<: &defaults
                functionName: worker
                batchSize: 5
                tags: &tags {team: core}
              eventSourceArn: arn:aws:sqs:us-east-1:123456789012:a
              batchSize: 7
            ---
            apiVersion: esmctl/v1
            kind: EventSourceMapping
            metadata: {name: b}
            spec:
              functionName: other
              eventSourceArn: arn:aws:sqs:us-east-1:123456789012:b
              tags: {team: core}
            """);
        Assert.Empty(set.Diagnostics);
        Assert.Equal((7, "worker", "core"), (set.Mappings[0].Spec.BatchSize, set.Mappings[0].Spec.FunctionName, set.Mappings[0].Spec.Tags!["team"]));
    }

    [Fact]
    public void A_string_of_an_allowed_type_that_breaks_its_length_says_so()
    {
        var pattern = new string('x', 5000);
        var set = Load.Text($"""
            apiVersion: esmctl/v1
            kind: EventSourceMapping
            metadata: {"{"}name: a{"}"}
            spec:
              functionName: f
              eventSourceArn: arn:aws:sqs:us-east-1:123456789012:a
              filterCriteria: {"{"}filters: [{"{"}pattern: "{pattern}"{"}"}]{"}"}
            """);
        var error = Assert.Single(set.Diagnostics);
        Assert.Equal("spec.filterCriteria.filters[0].pattern", error.Field);
        Assert.Contains("at most 4096 characters", error.Message);
    }

    [Theory]
    [InlineData("Spec", "spec")]
    [InlineData("metdata", "metadata")]
    public void Top_level_near_misses_are_suggested(string written, string meant)
    {
        var set = Load.Text($"apiVersion: esmctl/v1\nkind: EventSourceMapping\nmetadata: {{name: a}}\nspec: {{functionName: f}}\n{written}: 1\n");
        Assert.Contains(set.Diagnostics, d => d.Severity == Severity.Error && d.Field == written && d.Message == $"unknown field, did you mean `{meant}`?" && d.Location.Line == 5);
    }

    [Fact]
    public void Missing_metadata_points_at_the_document()
    {
        var set = Load.Text("apiVersion: esmctl/v1\nkind: EventSourceMapping\nspec: {functionName: f}\n");
        var error = Assert.Single(set.Diagnostics);
        Assert.Equal(("metadata", 1, "missing required field `metadata`"), (error.Field, error.Location.Line, error.Message));
    }

    [Fact]
    public void A_pattern_written_as_YAML_keeps_a_whole_number_too_large_for_64_bits_exact()
    {
        // A 20-digit id was sent as 1.2345678901234567E+19, which matches no record that holds the number.
        var set = Load.Text("""
            apiVersion: esmctl/v1
            kind: EventSourceMapping
            metadata: {name: a}
            spec:
              functionName: worker
              eventSourceArn: arn:aws:sqs:us-east-1:123456789012:a
              filterCriteria:
                filters:
                  - pattern:
                      body:
                        id: [12345678901234567890, -98765432109876543210]
                        small: [9223372036854775807]
            """);
        Assert.Empty(set.Diagnostics);
        Assert.Equal("""{"body":{"id":[12345678901234567890,-98765432109876543210],"small":[9223372036854775807]}}""",
            set.Mappings[0].Spec.FilterCriteria!.Filters![0].Pattern);
    }
}
