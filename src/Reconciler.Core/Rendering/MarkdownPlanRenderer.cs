using Reconciler.Core.Diagnostics;
using Reconciler.Core.Planning;
using Reconciler.Core.Reconciling;

namespace Reconciler.Core.Rendering;

/// <summary>
/// The plan as a pull-request comment, Atlantis style: a header naming where it acts (target, account, region, owner,
/// prune, commit), a one-line verdict and a summary table, replacements and deletions with their warnings in a CAUTION
/// alert, a table of affected mappings, each mapping's diff inside &lt;details&gt;, then conflicts, orphans, unmanaged
/// mappings and the manifests' warnings. Never longer than <see cref="MarkdownPlanOptions.MaxLength"/>: when the whole
/// report does not fit, lists keep their first whole entries, in order of importance (caution, conflicts, warnings,
/// affected table, orphans, unmanaged, diagnostics, details), and a note points to the full plan. Manifests that did not
/// load get a report too (<see cref="RenderRejected"/>): the errors, so a PR comment never says only "see the log".
/// </summary>
public static class MarkdownPlanRenderer
{
    public static string Render(Plan plan, MarkdownPlanOptions? options = null) => Render(plan, null, [], options);

    /// <param name="scope">Where and as whom the plan was made (the header); null leaves the header out.</param>
    /// <param name="diagnostics">The manifests' warnings (errors reject a plan: <see cref="RenderRejected"/>).</param>
    public static string Render(Plan plan, SessionScope? scope, IReadOnlyList<Diagnostic> diagnostics, MarkdownPlanOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(diagnostics);
        options ??= MarkdownPlanOptions.Default;
        var changing = PlanOrder.Changing(plan);

        var caution = MarkdownPlanSections.Caution(changing);
        var conflicts = MarkdownPlanSections.Mappings(PlanSentences.ConflictsTitle, PlanSentences.ConflictsExplanation, plan.Conflicts);
        var warnings = MarkdownPlanSections.Warnings(changing);
        var affected = MarkdownPlanSections.AffectedTable(changing);
        var details = MarkdownPlanSections.Details(changing);
        var orphans = MarkdownPlanSections.Mappings(PlanSentences.OrphansTitle, PlanSentences.OrphansExplanation, plan.Orphans);
        var unmanaged = MarkdownPlanSections.Mappings(PlanSentences.UnmanagedTitle, PlanSentences.UnmanagedExplanation, plan.Unmanaged);
        var problems = MarkdownPlanSections.Diagnostics(diagnostics);
        var note = MarkdownPart.Fixed(MarkdownPlanSections.TruncationNote(options));

        IReadOnlyList<MarkdownPart> shown =
        [
            MarkdownPart.Fixed(scope is null ? "" : ScopeText.Markdown(scope, options.Commit)),
            MarkdownPart.Fixed(MarkdownPlanSections.Verdict(plan)),
            MarkdownPart.Fixed(MarkdownPlanSections.SummaryTable(plan.Summary)),
            caution, warnings, affected, details,
            MarkdownPart.Fixed(changing.Count > 0 && plan.Summary.Noop > 0 ? PlanSentences.Unchanged(plan.Summary.Noop) + "\n" : ""),
            conflicts, orphans, unmanaged, problems,
        ];

        var whole = Compose(shown, shown.ToDictionary(p => p, p => p.Items.Count));
        if (whole.Length <= options.MaxLength)
        {
            return whole;
        }

        return Shorten([.. shown, note], [caution, conflicts, warnings, affected, orphans, unmanaged, problems, details], options.MaxLength);
    }

    /// <summary>The report of a plan the manifests' errors stopped: the header when the target was known, the verdict,
    /// and every diagnostic with its file, line, column and field.</summary>
    public static string RenderRejected(SessionScope? scope, IReadOnlyList<Diagnostic> diagnostics, MarkdownPlanOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        options ??= MarkdownPlanOptions.Default;
        var problems = MarkdownPlanSections.Diagnostics(diagnostics);
        IReadOnlyList<MarkdownPart> shown =
        [
            MarkdownPart.Fixed(scope is null ? "" : ScopeText.Markdown(scope, options.Commit)),
            MarkdownPart.Fixed(MarkdownPlanSections.RejectedVerdict(diagnostics)),
            problems,
        ];
        var whole = Compose(shown, shown.ToDictionary(p => p, p => p.Items.Count));
        return whole.Length <= options.MaxLength
            ? whole
            : Shorten([.. shown, MarkdownPart.Fixed(MarkdownPlanSections.TruncationNote(options))], [problems], options.MaxLength);
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
