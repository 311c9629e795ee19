using System.Globalization;
using System.Text;
using Reconciler.Core.Diagnostics;
using Reconciler.Core.Planning;

namespace Reconciler.Core.Rendering;

/// <summary>The blocks of the Markdown report, each built whole from the plan; the renderer decides how many items fit.</summary>
internal static class MarkdownPlanSections
{
    private const int FieldsListedPerRow = 6;

    public static string Verdict(Plan plan)
    {
        var unresolved = PlanSentences.Unresolved(plan);
        if (!plan.HasChanges)
        {
            return unresolved is null
                ? $"**{PlanSentences.NoChanges}**\n"
                : $"**{MarkdownText.Inline(PlanSentences.NothingToApply(unresolved))}** See the lists below.\n";
        }

        var verdict = $"**{PlanSentences.Summary(plan.Summary)}**";
        if (plan.Summary.Replace + plan.Summary.Delete > 0)
        {
            verdict += " Mappings will be replaced or destroyed: read the caution below.";
        }

        return unresolved is null ? verdict + "\n" : verdict + $" {MarkdownText.Inline(PlanSentences.AlsoUnresolved(unresolved))}\n";
    }

    public static string RejectedVerdict(IReadOnlyList<Diagnostic> diagnostics)
    {
        var errors = diagnostics.Count(d => d.Severity == Severity.Error);
        return Invariant($"**The plan failed: {errors} {(errors == 1 ? "error" : "errors")} in the manifests. Nothing was read from the target or changed.** Fix them and push again.\n");
    }

    /// <summary>Every diagnostic as a table row: severity, where (file:line:column), field and message.</summary>
    public static MarkdownPart Diagnostics(IReadOnlyList<Diagnostic> diagnostics) =>
        MarkdownPart.List(
            "### Problems in the manifests\n\n| Severity | Location | Field | Problem |\n| :-- | :-- | :-- | :-- |\n",
            diagnostics.Select(DiagnosticRow).ToList(),
            "",
            omitted => Invariant($"| _{omitted} more not shown_ | | | |\n"));

    private static string DiagnosticRow(Diagnostic diagnostic) =>
        $"| {(diagnostic.Severity == Severity.Error ? "**error**" : "warning")} " +
        $"| {MarkdownText.Code(diagnostic.Location.ToString(), true)} " +
        $"| {(diagnostic.Field.Length == 0 ? "" : MarkdownText.Code(diagnostic.Field, true))} " +
        $"| {MarkdownText.Inline(diagnostic.Message)} |\n";

    public static string SummaryTable(PlanSummary summary)
    {
        var table = new StringBuilder("| Action | Count |\n| :-- | --: |\n");
        foreach (var (kind, count) in new[]
                 {
                     (PlanActionKind.Create, summary.Create), (PlanActionKind.Update, summary.Update),
                     (PlanActionKind.Replace, summary.Replace), (PlanActionKind.Delete, summary.Delete),
                     (PlanActionKind.Adopt, summary.Adopt), (PlanActionKind.Noop, summary.Noop),
                 })
        {
            table.Append(CultureInfo.InvariantCulture, $"| {PlanActionWords.Word(kind)} | {count} |\n");
        }

        return table.ToString();
    }

    /// <summary>Replacements and deletions, with what they can lose, in a CAUTION alert nobody scrolls past.</summary>
    public static MarkdownPart Caution(IReadOnlyList<PlannedAction> changing) =>
        MarkdownPart.List(
            "> [!CAUTION]\n> These mappings will be deleted or recreated. Records can be skipped or processed again.\n",
            changing.Where(a => PlanActionWords.IsDestructive(a.Kind)).Select(AlertItem).ToList(),
            "",
            AlertOverflow);

    /// <summary>Warnings on actions that are not destructive (for example a value the API cannot clear).</summary>
    public static MarkdownPart Warnings(IReadOnlyList<PlannedAction> changing) =>
        MarkdownPart.List(
            "> [!WARNING]\n> Read these before applying.\n",
            changing.Where(a => !PlanActionWords.IsDestructive(a.Kind) && a.Warnings.Count > 0).Select(AlertItem).ToList(),
            "",
            AlertOverflow);

    public static MarkdownPart AffectedTable(IReadOnlyList<PlannedAction> changing) =>
        MarkdownPart.List(
            "### Affected mappings\n\n| Mapping | Action | UUID | Fields changed |\n| :-- | :-- | :-- | :-- |\n",
            changing.Select(AffectedRow).ToList(),
            "",
            omitted => Invariant($"| _{omitted} more mappings not shown_ | | | |\n"));

    public static MarkdownPart Details(IReadOnlyList<PlannedAction> changing) =>
        MarkdownPart.List(
            "### Details\n\n",
            changing.Select(DetailsElement).ToList(),
            "\n",
            omitted => Invariant($"_Details of {omitted} more mappings not shown._\n"));

    public static MarkdownPart Mappings(string title, string explanation, IReadOnlyList<LiveMappingSummary> mappings) =>
        MarkdownPart.List(
            $"### {title}\n\n{char.ToUpperInvariant(explanation[0])}{MarkdownText.Inline(explanation[1..])}.\n\n" +
            "| Name | UUID | Function | Event source | State | Owner |\n| :-- | :-- | :-- | :-- | :-- | :-- |\n",
            PlanOrder.Mappings(mappings).Select(MappingRow).ToList(),
            "",
            omitted => Invariant($"| _{omitted} more not shown_ | | | | | |\n"));

    public static string TruncationNote(MarkdownPlanOptions options) =>
        "> [!NOTE]\n> " +
        Invariant($"This report was shortened to fit {options.MaxLength:N0} characters; shortened lists say how many entries they leave out. ") +
        options.FullPlanPointer.ReplaceLineEndings(" ") + "\n";

    private static string AlertItem(PlannedAction action)
    {
        var item = new StringBuilder();
        item.Append("> - **").Append(MarkdownText.Inline(action.Name)).Append("** ")
            .Append(PlanActionWords.Outcome(action.Kind));
        var forcing = action.Changes.Where(c => c.ForcesReplacement).Select(c => MarkdownText.Code(c.Field, false)).ToList();
        if (forcing.Count > 0)
        {
            item.Append(", forced by ").AppendJoin(", ", forcing);
        }

        if (action.Uuid is not null)
        {
            item.Append(" (UUID ").Append(MarkdownText.Code(action.Uuid, false)).Append(')');
        }

        item.Append('\n');
        foreach (var warning in action.Warnings)
        {
            item.Append(">   - ").Append(MarkdownText.Inline(warning)).Append('\n');
        }

        return item.ToString();
    }

    private static string AlertOverflow(int omitted) => Invariant($"> - _{omitted} more not shown: see the full plan._\n");

    private static string AffectedRow(PlannedAction action)
    {
        var fields = action.Changes
            .Take(FieldsListedPerRow)
            .Select(c => MarkdownText.Code(c.Field, true) + (c.ForcesReplacement ? " (forces replacement)" : ""))
            .ToList();
        if (action.Changes.Count > FieldsListedPerRow)
        {
            fields.Add(Invariant($"and {action.Changes.Count - FieldsListedPerRow} more"));
        }

        var uuid = action.Uuid is null ? "_new_" : MarkdownText.Code(action.Uuid, true);
        return $"| {MarkdownText.Inline(action.Name)} | {Emphasised(action.Kind)} | {uuid} | {string.Join(", ", fields)} |\n";
    }

    private static string Emphasised(PlanActionKind kind) =>
        PlanActionWords.IsDestructive(kind) ? $"**{PlanActionWords.Word(kind)}**" : PlanActionWords.Word(kind);

    private static string DetailsElement(PlannedAction action)
    {
        var diff = string.Concat(ActionDiff.Lines(action).Select(line => DiffLayout(line) + "\n"));
        var fence = MarkdownText.Fence(diff);
        var count = action.Changes.Count;
        var summary = $"<b>{MarkdownText.Html(action.Name)}</b> {PlanActionWords.Outcome(action.Kind)}" +
                      (count == 0 ? "" : Invariant($", {count} {(count == 1 ? "field" : "fields")} changed"));
        return $"<details><summary>{summary}</summary>\n\n{fence}diff\n{diff}{fence}\n\n</details>\n";
    }

    /// <summary>
    /// Atlantis's layout for GitHub: the sign moves to column 0 (and "~" becomes "!") so the diff grammar colours
    /// additions green, removals red and changes orange; the text keeps its column.
    /// </summary>
    private static string DiffLayout(DiffLine line)
    {
        var textColumn = line.SlotStart + 4;
        var note = line.ForcesReplacement ? " " + DiffLine.ForcesReplacementNote : "";
        var text = line.Mark switch
        {
            DiffMark.None or DiffMark.Comment => new string(' ', textColumn - 1 - line.Sign.Length) + line.Sign + " " + line.Text,
            _ => (line.Mark == DiffMark.Update ? "!" : line.Sign).PadRight(textColumn) + line.Text,
        };
        return text + note;
    }

    private static string MappingRow(LiveMappingSummary mapping) =>
        $"| {(mapping.Name is null ? "_no name_" : MarkdownText.Inline(mapping.Name))} " +
        $"| {MarkdownText.Code(mapping.Uuid, true)} " +
        $"| {MarkdownText.Code(mapping.FunctionArn, true)} " +
        $"| {(mapping.EventSourceArn is null ? "" : MarkdownText.Code(mapping.EventSourceArn, true))} " +
        $"| {MarkdownText.Inline(mapping.State)} " +
        $"| {(mapping.Owner is null ? "" : MarkdownText.Inline(mapping.Owner))} |\n";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
