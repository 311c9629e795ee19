using Reconciler.Core.Planning;

namespace Reconciler.Core.Rendering;

/// <summary>
/// The plan as a pull-request comment, Atlantis style: a one-line verdict and a summary table, replacements and
/// deletions with their warnings in a CAUTION alert, a table of affected mappings, and each mapping's diff inside
/// &lt;details&gt;. Never longer than <see cref="MarkdownPlanOptions.MaxLength"/>: when the whole report does not
/// fit, lists keep their first whole entries, in order of importance (caution, warnings, affected table, orphans,
/// unmanaged, details), and a note points to the full plan.
/// </summary>
public static class MarkdownPlanRenderer
{
    public static string Render(Plan plan, MarkdownPlanOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        options ??= MarkdownPlanOptions.Default;
        var changing = PlanOrder.Changing(plan);

        var caution = MarkdownPlanSections.Caution(changing);
        var warnings = MarkdownPlanSections.Warnings(changing);
        var affected = MarkdownPlanSections.AffectedTable(changing);
        var details = MarkdownPlanSections.Details(changing);
        var orphans = MarkdownPlanSections.Mappings(PlanSentences.OrphansTitle, PlanSentences.OrphansExplanation, plan.Orphans);
        var unmanaged = MarkdownPlanSections.Mappings(PlanSentences.UnmanagedTitle, PlanSentences.UnmanagedExplanation, plan.Unmanaged);
        var note = MarkdownPart.Fixed(MarkdownPlanSections.TruncationNote(options));

        IReadOnlyList<MarkdownPart> shown =
        [
            MarkdownPart.Fixed(MarkdownPlanSections.Verdict(plan)),
            MarkdownPart.Fixed(MarkdownPlanSections.SummaryTable(plan.Summary)),
            caution, warnings, affected, details,
            MarkdownPart.Fixed(changing.Count > 0 && plan.Summary.Noop > 0 ? PlanSentences.Unchanged(plan.Summary.Noop) + "\n" : ""),
            orphans, unmanaged,
        ];

        var whole = Compose(shown, shown.ToDictionary(p => p, p => p.Items.Count));
        if (whole.Length <= options.MaxLength)
        {
            return whole;
        }

        return Shorten([.. shown, note], [caution, warnings, affected, orphans, unmanaged, details], options.MaxLength);
    }

    private static string Shorten(IReadOnlyList<MarkdownPart> parts, IReadOnlyList<MarkdownPart> priority, int maxLength)
    {
        var take = parts.ToDictionary(p => p, _ => 0);
        var skeleton = Compose(parts, take);
        var budget = maxLength - skeleton.Length;
        if (budget < 0)
        {
            // Not even each list's heading and overflow line fit: keep only the verdict, counts and the note.
            var bare = Compose(parts.Where(p => !p.IsList).ToList(), take);
            return bare.Length <= maxLength
                ? bare
                : throw new ArgumentOutOfRangeException(
                    nameof(maxLength), maxLength, $"A Markdown plan needs at least {bare.Length} characters for its verdict, counts and truncation note.");
        }

        foreach (var part in priority)
        {
            // Each item costs its length and one separator (an upper bound: the overflow line only shrinks).
            while (take[part] < part.Items.Count && part.Items[take[part]].Length + part.Separator.Length <= budget)
            {
                budget -= part.Items[take[part]].Length + part.Separator.Length;
                take[part]++;
            }
        }

        var shortened = Compose(parts, take);
        return shortened.Length <= maxLength
            ? shortened
            : throw new InvalidOperationException($"Markdown shortening overran its budget: {shortened.Length} > {maxLength}.");
    }

    /// <summary>Parts separated by one blank line; every part ends with a newline.</summary>
    private static string Compose(IReadOnlyList<MarkdownPart> parts, IReadOnlyDictionary<MarkdownPart, int> take) =>
        string.Join("\n", parts.Select(p => p.Render(take[p])).Where(text => text.Length > 0));
}
