using Reconciler.Testing;
using NJsonSchema;
using Reconciler.Core.Planning;
using Reconciler.Core.Rendering.Json;

namespace Reconciler.Core.Tests.Rendering;

/// <summary>Rendered plans satisfy schemas/plan.v1.schema.json, and the schema rejects what the format does not allow.</summary>
public sealed class PlanSchemaTests
{
    private static readonly Lazy<JsonSchema> Schema =
        new(() => JsonSchema.FromJsonAsync(File.ReadAllText(RepositoryPaths.PlanSchema)).GetAwaiter().GetResult());

    public static TheoryData<string> Plans() => SamplePlans.Names();

    [Theory]
    [MemberData(nameof(Plans))]
    public void Rendered_plans_are_valid(string name)
    {
        var errors = Schema.Value.Validate(JsonPlanRenderer.Render(SamplePlans.All[name]));

        Assert.Empty(errors.Select(e => e.ToString()));
    }

    [Fact]
    public void A_large_plan_is_valid() =>
        Assert.Empty(Schema.Value.Validate(JsonPlanRenderer.Render(SamplePlans.Large(60))).Select(e => e.ToString()));

    [Theory]
    [InlineData("\"action\": \"update\"", "\"action\": \"modify\"")]
    [InlineData("\"formatVersion\": \"1\"", "\"formatVersion\": \"2\"")]
    [InlineData("\"forcesReplacement\": true", "\"forcesReplacement\": \"yes\"")]
    [InlineData("\"warnings\": [", "\"warns\": [")]
    [InlineData("\"noop\": 2", "\"noop\": -1")]
    [InlineData("\"owner\": \"team-b\"", "\"owner\": 7")]
    public void Documents_outside_the_format_are_rejected(string valid, string invalid)
    {
        var json = JsonPlanRenderer.Render(SamplePlans.EveryAction());
        Assert.Contains(valid, json);

        Assert.NotEmpty(Schema.Value.Validate(json.Replace(valid, invalid, StringComparison.Ordinal)));
    }

    [Fact]
    public void The_core_assembly_embeds_the_same_schema()
    {
        using var stream = typeof(Plan).Assembly.GetManifestResourceStream("plan.v1.schema.json");
        Assert.NotNull(stream);
        using var reader = new StreamReader(stream);

        Assert.Equal(File.ReadAllText(RepositoryPaths.PlanSchema), reader.ReadToEnd());
    }

    [Fact]
    public void The_schema_is_draft_07() =>
        Assert.Contains("\"$schema\": \"http://json-schema.org/draft-07/schema#\"", File.ReadAllText(RepositoryPaths.PlanSchema));
}
