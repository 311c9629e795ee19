using Reconciler.Core.Planning;
using Reconciler.Core.Rendering;
using static Reconciler.Core.Tests.Rendering.SamplePlans;

namespace Reconciler.Core.Tests.Rendering;

public sealed class MarkdownPlanRendererTests
{
    public static TheoryData<string> Plans() => SamplePlans.Names();

    [Theory]
    [MemberData(nameof(Plans))]
    public void Every_sample_is_well_formed(string name) =>
        MarkdownStructure.AssertWellFormed(MarkdownPlanRenderer.Render(SamplePlans.All[name]));

    [Fact]
    public void Starts_with_a_one_line_verdict_then_the_summary_table()
    {
        var markdown = MarkdownPlanRenderer.Render(EveryAction());
        var lines = markdown.Split('\n');

        Assert.Equal(
            "**Plan: 1 to create, 1 to update, 1 to replace, 1 to delete, 1 to adopt.** Mappings will be replaced or destroyed: read the caution below. " +
            "Not resolved by this plan: 1 orphan (owned, in no manifest: not deleted without --prune).",
            lines[0]);
        Assert.Equal("| Action | Count |", lines[2]);
        Assert.Contains("| replace | 1 |\n| delete | 1 |\n| adopt | 1 |\n| noop | 2 |\n", markdown);
    }

    [Fact]
    public void Replacements_and_deletions_are_in_a_caution_alert_before_any_details()
    {
        var markdown = MarkdownPlanRenderer.Render(EveryAction());
        var caution = markdown.IndexOf("> [!CAUTION]", StringComparison.Ordinal);

        Assert.InRange(caution, 0, markdown.IndexOf("<details>", StringComparison.Ordinal));
        Assert.Contains(
            "> - **payments-stream** must be replaced, forced by `eventSourceArn`, `startingPosition` (UUID `9c1d7a40-5e6f-4a8b-b9c0-d1e2f3a4b5c6`)\n" +
            ">   - The new mapping starts at LATEST: records written to the stream while no mapping exists are skipped.\n",
            markdown);
        Assert.Contains("> - **legacy-queue** will be destroyed (UUID `5f0e1d2c-3b4a-4958-8776-655443322110`)\n", markdown);
    }

    [Fact]
    public void Warnings_of_other_actions_are_in_a_warning_alert()
    {
        var markdown = MarkdownPlanRenderer.Render(EveryAction());

        Assert.Contains("> [!WARNING]\n> Read these before applying.\n> - **billing-stream** will be updated in-place (UUID", markdown);
    }

    [Fact]
    public void Each_changing_mapping_has_a_diff_inside_details()
    {
        var markdown = MarkdownPlanRenderer.Render(EveryAction());

        Assert.Equal(5, CountOf(markdown, "<details><summary>"));
        Assert.Contains(
            "<details><summary><b>billing-stream</b> will be updated in-place, 5 fields changed</summary>\n\n```diff\n" +
            "  # billing-stream will be updated in-place\n" +
            "!   warning: provisionedPollerConfig cannot be removed through the API; the live value stays until the mapping is replaced.\n" +
            "!   mapping \"billing-stream\" {\n" +
            "        uuid: \"2b7e2c51-0d1c-4c37-9d8e-3f0a1b2c3d4e\"\n" +
            "!       batchSize: 10 -> 50\n",
            markdown);
        Assert.Contains("-/+ mapping \"payments-stream\" {\n", markdown);
        Assert.Contains("-       kmsKeyArn: \"arn:aws:kms:us-east-1:123456789012:key/1111\"\n", markdown);
        Assert.Contains("+       batchSize: 10\n", markdown);
        Assert.DoesNotContain("audit-log", markdown);
    }

    [Fact]
    public void Values_cannot_break_out_of_their_code_block_table_or_summary()
    {
        var markdown = MarkdownPlanRenderer.Render(SamplePlans.All["awkward-values"]);

        MarkdownStructure.AssertWellFormed(markdown);
        Assert.Contains("<summary><b>weird|name_*x*</b>", markdown);
        Assert.Contains("| weird\\|name\\_\\*x\\* | update |", markdown);
        Assert.Contains("````diff\n", markdown); // the value holds ``` so the fence is longer
        Assert.Contains("Line one line two with \\`code\\` and \\<html\\> and \\$math\\$.", markdown);
    }

    [Fact]
    public void An_empty_plan_says_no_changes()
    {
        var markdown = MarkdownPlanRenderer.Render(new Plan([], [], []));

        Assert.StartsWith("**No changes. Live state matches the manifests.**\n", markdown);
        Assert.DoesNotContain("<details>", markdown);
        Assert.DoesNotContain("[!CAUTION]", markdown);
    }

    [Fact]
    public void Orphans_and_unmanaged_are_tables_of_their_own()
    {
        var markdown = MarkdownPlanRenderer.Render(EveryAction());

        Assert.Contains("### Orphans\n\nNot in any manifest, owned by this instance: not deleted without --prune.\n", markdown);
        Assert.Contains("| orders-v1 | `aa11bb22-cc33-4d44-8e55-ff6677889900` |", markdown);
        Assert.Contains("### Unmanaged\n", markdown);
        Assert.Contains("| _no name_ | `bb22cc33-dd44-4e55-9f66-001122334455` |", markdown);
    }

    [Fact]
    public void Order_does_not_depend_on_the_order_of_the_plan()
    {
        var plan = EveryAction();
        var reversed = new Plan(plan.Actions.Reverse().ToList(), plan.Orphans.Reverse().ToList(), plan.Unmanaged.Reverse().ToList());

        Assert.Equal(MarkdownPlanRenderer.Render(plan), MarkdownPlanRenderer.Render(reversed));
    }

    internal static int CountOf(string text, string value)
    {
        var count = 0;
        for (var i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + value.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
