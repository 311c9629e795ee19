using Reconciler.Core.Rendering;
using Reconciler.Core.Rendering.Json;

namespace Reconciler.Core.Tests.Rendering;

/// <summary>Every renderer over every sample plan, compared with the expected output in Rendering/Golden/ (colour off).</summary>
public sealed class GoldenRenderingTests
{
    public static TheoryData<string> Plans() => SamplePlans.Names();

    [Theory]
    [MemberData(nameof(Plans))]
    public void Text_matches_golden(string name) =>
        GoldenFile.AssertMatches(name + ".txt", TextPlanRenderer.Render(SamplePlans.All[name]));

    [Theory]
    [MemberData(nameof(Plans))]
    public void Markdown_matches_golden(string name) =>
        GoldenFile.AssertMatches(name + ".md", MarkdownPlanRenderer.Render(SamplePlans.All[name]));

    [Theory]
    [MemberData(nameof(Plans))]
    public void Json_matches_golden(string name) =>
        GoldenFile.AssertMatches(name + ".json", JsonPlanRenderer.Render(SamplePlans.All[name]));
}
