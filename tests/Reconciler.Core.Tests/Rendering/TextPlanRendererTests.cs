using Reconciler.Core.Planning;
using Reconciler.Core.Rendering;
using static Reconciler.Core.Tests.Rendering.SamplePlans;

namespace Reconciler.Core.Tests.Rendering;

public sealed class TextPlanRendererTests
{
    private static PlannedAction Action(string name, PlanActionKind kind) =>
        new() { Name = name, Kind = kind, Uuid = kind == PlanActionKind.Create ? null : name + "-uuid", Changes = [Change("batchSize", 1, 2)] };

    private static string LastLine(string text) => text.TrimEnd('\n').Split('\n')[^1];

    [Fact]
    public void Summary_line_is_the_sentence_the_issue_gives()
    {
        var plan = new Plan(
            [Action("a", PlanActionKind.Create), Action("b", PlanActionKind.Update), Action("c", PlanActionKind.Update), Action("d", PlanActionKind.Replace)],
            [], []);

        Assert.Equal("Plan: 1 to create, 2 to update, 1 to replace, 0 to delete.", LastLine(TextPlanRenderer.Render(plan)));
    }

    [Fact]
    public void Adoptions_are_appended_to_the_summary_only_when_there_are_some()
    {
        var plan = new Plan([Action("a", PlanActionKind.Adopt), Action("b", PlanActionKind.Delete)], [], []);

        Assert.Equal("Plan: 0 to create, 0 to update, 0 to replace, 1 to delete, 1 to adopt.", LastLine(TextPlanRenderer.Render(plan)));
    }

    [Fact]
    public void A_plan_of_noops_says_no_changes_and_lists_none_of_them()
    {
        var plan = new Plan([Action("quiet", PlanActionKind.Noop) with { Changes = [] }], [], []);

        var text = TextPlanRenderer.Render(plan);

        Assert.Equal("No changes. Live state matches the manifests.\n", text);
    }

    [Fact]
    public void Noops_are_counted_not_listed()
    {
        var text = TextPlanRenderer.Render(EveryAction());

        Assert.DoesNotContain("audit-log", text);
        Assert.Contains("\n2 mappings unchanged.\n", text);
    }

    [Fact]
    public void Each_kind_has_its_terraform_header_and_sign()
    {
        var text = TextPlanRenderer.Render(EveryAction());

        Assert.Contains("  # orders-to-processor will be created\n  + mapping \"orders-to-processor\" {\n", text);
        Assert.Contains("  # billing-stream will be updated in-place\n", text);
        Assert.Contains("  ~ mapping \"billing-stream\" {\n", text);
        Assert.Contains("  # payments-stream must be replaced\n", text);
        Assert.Contains("-/+ mapping \"payments-stream\" {\n", text);
        Assert.Contains("  # legacy-queue will be destroyed\n", text);
        Assert.Contains("  - mapping \"legacy-queue\" {\n", text);
        Assert.Contains("  # inventory-events will be adopted (tagged as managed by esmctl)\n", text);
    }

    [Fact]
    public void Field_lines_show_change_addition_removal_and_what_forces_replacement()
    {
        var text = TextPlanRenderer.Render(EveryAction());

        Assert.Contains("      ~ batchSize: 10 -> 50\n", text);
        Assert.Contains("      + filterCriteria: {\"filters\":[{\"pattern\":\"{\\\"type\\\":[\\\"invoice\\\"]}\"}]}\n", text);
        Assert.Contains("      - kmsKeyArn: \"arn:aws:kms:us-east-1:123456789012:key/1111\"\n", text);
        Assert.Contains("      ~ startingPosition: \"TRIM_HORIZON\" -> \"LATEST\" # forces replacement\n", text);
        Assert.Contains("      ~ batchSize: 100 -> 200\n", text);
        Assert.Single(text.Split('\n'), l => l.Contains("batchSize: 100 -> 200", StringComparison.Ordinal) && !l.Contains("forces", StringComparison.Ordinal));
    }

    [Fact]
    public void Warnings_stand_out_under_their_mapping_header()
    {
        var text = TextPlanRenderer.Render(EveryAction());

        Assert.Contains(
            "  # payments-stream must be replaced\n  ! warning: The new mapping starts at LATEST: records written to the stream while no mapping exists are skipped.\n",
            text);
    }

    [Fact]
    public void Orphans_and_unmanaged_have_their_own_sections()
    {
        var text = TextPlanRenderer.Render(EveryAction());

        Assert.Contains("Orphans (not in any manifest, owned by this instance: not deleted without --prune):\n  * orders-v1\n", text);
        Assert.Contains("Unmanaged (not managed by esmctl, on functions or sources the manifests manage):\n", text);
        Assert.Contains("      owner:    team-b\n", text);
    }

    [Fact]
    public void Order_does_not_depend_on_the_order_of_the_plan()
    {
        var plan = EveryAction();
        var reversed = new Plan(plan.Actions.Reverse().ToList(), plan.Orphans.Reverse().ToList(), plan.Unmanaged.Reverse().ToList());

        Assert.Equal(TextPlanRenderer.Render(plan), TextPlanRenderer.Render(reversed));
    }

    [Fact]
    public void Colour_is_off_by_default_and_on_only_when_asked()
    {
        var plain = TextPlanRenderer.Render(EveryAction());
        var coloured = TextPlanRenderer.Render(EveryAction(), new TextPlanOptions { UseColor = true });

        Assert.DoesNotContain('\u001b', plain);
        Assert.Contains("\u001b[32m+\u001b[0m mapping \"orders-to-processor\"", coloured);
        Assert.Contains("\u001b[33m~\u001b[0m batchSize: 10 -> 50", coloured);
        Assert.Contains("\u001b[31m-\u001b[0m kmsKeyArn", coloured);
        Assert.Contains("\u001b[31m-\u001b[0m/\u001b[32m+\u001b[0m mapping \"payments-stream\"", coloured);
        Assert.Contains("\u001b[31m# forces replacement\u001b[0m", coloured);
        Assert.Equal(plain, System.Text.RegularExpressions.Regex.Replace(coloured, "\u001b\\[[0-9;]*m", ""));
    }
}
