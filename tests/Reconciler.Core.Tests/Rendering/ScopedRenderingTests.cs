using Reconciler.Core.Diagnostics;
using Reconciler.Core.Rendering;
using Reconciler.Core.Rendering.Json;

namespace Reconciler.Core.Tests.Rendering;

/// <summary>
/// What a run adds to its plan: the scope (target, account, region, owner, prune) at the top of every format, the
/// commit in the Markdown header, the manifests' warnings, and a report for a plan the manifests' errors stopped.
/// </summary>
public sealed class ScopedRenderingTests
{
    private static readonly IReadOnlyList<Diagnostic> Warnings =
        [Diagnostic.Warning(new SourceLocation("manifests/orders.yaml", 12, 5), "spec.filterCriteria.filters[0].pattern", "the key \"type\" appears twice; AWS keeps only the last value")];

    private static readonly IReadOnlyList<Diagnostic> Errors =
    [
        Diagnostic.Error(new SourceLocation("manifests/orders.yaml", 8, 3), "spec.batchsize", "unknown field, did you mean `batchSize`?"),
        Diagnostic.Error(new SourceLocation("manifests/orders.yaml", 11, 7), "spec.maximumBatchingWindowInSeconds", "must be at most 300 (got 900)"),
        Warnings[0],
    ];

    private const string Commit = "0123456789abcdef0123456789abcdef01234567";

    [Fact]
    public void Text_starts_with_the_scope_line() =>
        GoldenFile.AssertMatches("scoped-every-action.txt", TextPlanRenderer.Render(SamplePlans.EveryAction(), SamplePlans.Scope));

    [Fact]
    public void Markdown_starts_with_a_header_naming_target_account_region_owner_prune_and_commit() =>
        GoldenFile.AssertMatches("scoped-every-action.md",
            MarkdownPlanRenderer.Render(SamplePlans.EveryAction(), SamplePlans.Scope, Warnings, new MarkdownPlanOptions { Commit = Commit }));

    [Fact]
    public void Json_carries_the_scope_and_the_diagnostics() =>
        GoldenFile.AssertMatches("scoped-every-action.json", JsonPlanRenderer.Render(SamplePlans.EveryAction(), SamplePlans.Scope, Warnings));

    [Fact]
    public void A_rejected_plan_in_markdown_lists_every_error_with_its_place() =>
        GoldenFile.AssertMatches("rejected.md", MarkdownPlanRenderer.RenderRejected(SamplePlans.Scope, Errors, new MarkdownPlanOptions { Commit = Commit }));

    [Fact]
    public void A_rejected_plan_in_json_is_errored_with_its_diagnostics() =>
        GoldenFile.AssertMatches("rejected.json", JsonPlanRenderer.RenderRejected(SamplePlans.Scope, Errors));

    [Fact]
    public void The_scope_line_names_a_target_of_esmctl_yaml_by_name()
    {
        var scope = SamplePlans.Scope with { TargetName = "prod-us", Prune = true };
        Assert.Equal("Target prod-us: local (.esmctl/local-state.json), account 123456789012, region us-east-1, owner esmctl, prune on",
            ScopeText.Line(scope));
    }

    [Fact]
    public void A_plan_with_only_a_conflict_never_says_no_changes()
    {
        var plan = SamplePlans.All["conflict-only"];
        Assert.False(plan.HasChanges);
        Assert.True(plan.HasPendingChanges);

        var text = TextPlanRenderer.Render(plan);
        var markdown = MarkdownPlanRenderer.Render(plan);

        Assert.DoesNotContain(PlanSentences.NoChanges, text, StringComparison.Ordinal);
        Assert.DoesNotContain(PlanSentences.NoChanges, markdown, StringComparison.Ordinal);
        Assert.Contains("Conflicts (", text, StringComparison.Ordinal);
        Assert.Contains("team-a", text, StringComparison.Ordinal);
        Assert.Contains("### Conflicts", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scoped_and_rejected_documents_satisfy_the_plan_schema()
    {
        var schema = await NJsonSchema.JsonSchema.FromJsonAsync(await File.ReadAllTextAsync(Reconciler.Testing.RepositoryPaths.PlanSchema));
        Assert.Empty(schema.Validate(JsonPlanRenderer.Render(SamplePlans.EveryAction(), SamplePlans.Scope, Warnings)).Select(e => e.ToString()));
        Assert.Empty(schema.Validate(JsonPlanRenderer.RenderRejected(SamplePlans.Scope, Errors)).Select(e => e.ToString()));
        Assert.Empty(schema.Validate(JsonPlanRenderer.RenderRejected(null, Errors)).Select(e => e.ToString()));
    }
}
