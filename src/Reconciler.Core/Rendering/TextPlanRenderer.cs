using System.Text;
using Reconciler.Core.Planning;
using Reconciler.Core.Reconciling;

namespace Reconciler.Core.Rendering;

/// <summary>
/// The plan as a Terraform user reads it in a terminal: where it acts (the scope line), one block per changing action in
/// name order, conflicts, orphans and unmanaged mappings after, and the summary sentence last. Lines end with "\n"; the
/// text ends with one "\n".
/// </summary>
public static class TextPlanRenderer
{
    public static string Render(Plan plan, TextPlanOptions? options = null) => Render(plan, null, options);

    /// <param name="scope">Where and as whom the plan was made: its line comes first; null leaves it out.</param>
    public static string Render(Plan plan, SessionScope? scope, TextPlanOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var paint = new AnsiPainter((options ?? TextPlanOptions.Default).UseColor);
        var text = new StringBuilder();
        var changing = PlanOrder.Changing(plan);
        if (scope is not null)
        {
            text.Append(ScopeText.Line(scope)).Append("\n\n");
        }

        if (changing.Count > 0)
        {
            text.Append("esmctl will perform the following actions:\n\n");
            foreach (var action in changing)
            {
                foreach (var line in ActionDiff.Lines(action))
                {
                    text.Append(Layout(line, paint)).Append('\n');
                }

                text.Append('\n');
            }

            if (plan.Summary.Noop > 0)
            {
                text.Append(PlanSentences.Unchanged(plan.Summary.Noop)).Append("\n\n");
            }
        }

        AppendMappings(text, PlanSentences.ConflictsTitle, PlanSentences.ConflictsExplanation, plan.Conflicts);
        AppendMappings(text, PlanSentences.OrphansTitle, PlanSentences.OrphansExplanation, plan.Orphans);
        AppendMappings(text, PlanSentences.UnmanagedTitle, PlanSentences.UnmanagedExplanation, plan.Unmanaged);

        var unresolved = PlanSentences.Unresolved(plan);
        if (plan.HasChanges)
        {
            text.Append(paint.Bold(PlanSentences.Summary(plan.Summary)));
            if (unresolved is not null) text.Append('\n').Append(paint.BoldYellow(PlanSentences.AlsoUnresolved(unresolved)));
        }
        else
        {
            text.Append(unresolved is null ? paint.Green(PlanSentences.NoChanges) : paint.BoldYellow(PlanSentences.NothingToApply(unresolved)));
        }

        text.Append('\n');
        return text.ToString();
    }

    private static string Layout(DiffLine line, AnsiPainter paint)
    {
        var indent = new string(' ', line.SlotStart + 3 - line.Sign.Length);
        var sign = PaintSign(line, paint);
        var body = line.Mark switch
        {
            DiffMark.Comment => paint.Bold(line.Text),
            DiffMark.Warning => paint.BoldYellow(line.Text),
            _ => line.Text,
        };
        var note = line.ForcesReplacement ? " " + paint.Red(DiffLine.ForcesReplacementNote) : "";
        return indent + sign + " " + body + note;
    }

    private static string PaintSign(DiffLine line, AnsiPainter paint) => line.Mark switch
    {
        DiffMark.Create => paint.Green(line.Sign),
        DiffMark.Update => paint.Yellow(line.Sign),
        DiffMark.Delete => paint.Red(line.Sign),
        DiffMark.Replace => paint.Red("-") + "/" + paint.Green("+"),
        DiffMark.Warning => paint.BoldYellow(line.Sign),
        DiffMark.Comment => paint.Bold(line.Sign),
        _ => line.Sign,
    };

    private static void AppendMappings(
        StringBuilder text, string title, string explanation, IReadOnlyList<LiveMappingSummary> mappings)
    {
        if (mappings.Count == 0)
        {
            return;
        }

        text.Append(title).Append(" (").Append(explanation).Append("):\n");
        foreach (var mapping in PlanOrder.Mappings(mappings))
        {
            text.Append("  * ").Append(mapping.Name ?? "(no name)").Append('\n');
            AppendField(text, "uuid", mapping.Uuid);
            AppendField(text, "function", mapping.FunctionArn);
            AppendField(text, "source", mapping.EventSourceArn);
            AppendField(text, "state", mapping.State);
            AppendField(text, "owner", mapping.Owner);
        }

        text.Append('\n');
    }

    private static void AppendField(StringBuilder text, string label, string? value)
    {
        if (value is not null)
        {
            text.Append("      ").Append((label + ":").PadRight(10)).Append(value).Append('\n');
        }
    }
}
