using System.Globalization;
using System.Text.RegularExpressions;
using Reconciler.Core.Planning;
using Reconciler.Core.Rendering;

namespace Reconciler.Core.Tests.Rendering;

/// <summary>The PR report must fit GitHub's comment limit without ever cutting inside a code block or details element.</summary>
public sealed partial class MarkdownTruncationTests
{
    private static readonly Plan Huge = SamplePlans.Large(2_000);
    private static readonly string HugeWhole = MarkdownPlanRenderer.Render(Huge, new MarkdownPlanOptions { MaxLength = int.MaxValue });

    [Fact]
    public void A_plan_of_2000_actions_fits_the_github_limit_and_stays_well_formed()
    {
        Assert.True(HugeWhole.Length > MarkdownPlanOptions.GitHubCommentLimit, "the sample must need shortening");

        var markdown = MarkdownPlanRenderer.Render(Huge);

        Assert.InRange(markdown.Length, 1, MarkdownPlanOptions.GitHubCommentLimit);
        MarkdownStructure.AssertWellFormed(markdown);
        Assert.Equal(HugeWhole.Split('\n')[0], markdown.Split('\n')[0]);
        Assert.EndsWith(MarkdownPlanOptions.Default.FullPlanPointer + "\n", markdown);
    }

    [Fact]
    public void Shortened_lists_account_for_every_entry()
    {
        var markdown = MarkdownPlanRenderer.Render(Huge);
        var changing = Huge.Actions.Count(a => a.Kind != PlanActionKind.Noop);
        var destructive = Huge.Summary.Replace + Huge.Summary.Delete;

        var cautionShown = Regex.Matches(markdown, @"^> - \*\*mapping-\d+\*\* (must be replaced|will be destroyed)", RegexOptions.Multiline).Count;
        Assert.Equal(destructive, cautionShown + Omitted(markdown, @"^> - _(\d+) more not shown: see the full plan\._$"));

        var rowsShown = Regex.Matches(markdown, @"^\| mapping-\d+ \|", RegexOptions.Multiline).Count;
        Assert.Equal(changing, rowsShown + Omitted(markdown, @"^\| _(\d+) more mappings not shown_ \|"));

        var detailsShown = MarkdownPlanRendererTests.CountOf(markdown, "<details>");
        Assert.Equal(changing, detailsShown + Omitted(markdown, @"^_Details of (\d+) more mappings not shown\._$"));
        Assert.True(cautionShown > 0, "the most important list must keep entries");
    }

    [Fact]
    public void Kept_details_are_whole_and_identical_to_the_untruncated_report()
    {
        var plan = SamplePlans.Large(120);
        var whole = MarkdownPlanRenderer.Render(plan, new MarkdownPlanOptions { MaxLength = int.MaxValue });

        var markdown = MarkdownPlanRenderer.Render(plan, new MarkdownPlanOptions { MaxLength = 40_000 });

        var kept = DetailsElement().Matches(markdown);
        Assert.InRange(kept.Count, 1, MarkdownPlanRendererTests.CountOf(whole, "<details>") - 1);
        Assert.All(kept, details => Assert.Contains(details.Value, whole));
        Assert.Contains(Invariant($"_Details of {MarkdownPlanRendererTests.CountOf(whole, "<details>") - kept.Count} more mappings not shown._"), markdown);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public void Any_limit_is_respected_and_the_output_stays_well_formed()
    {
        var plan = SamplePlans.Large(120);
        var whole = MarkdownPlanRenderer.Render(plan, new MarkdownPlanOptions { MaxLength = int.MaxValue }).Length;
        Assert.InRange(whole, 20_000, 78_000); // the sweep below crosses from shortened to whole
        for (var max = 1_000; max <= 80_000; max += 2_503)
        {
            var markdown = MarkdownPlanRenderer.Render(plan, new MarkdownPlanOptions { MaxLength = max });

            Assert.True(markdown.Length <= max, $"{markdown.Length} characters for a limit of {max}");
            MarkdownStructure.AssertWellFormed(markdown);
        }
    }

    [Fact]
    public void A_report_that_fits_is_not_shortened()
    {
        var markdown = MarkdownPlanRenderer.Render(SamplePlans.EveryAction());

        Assert.DoesNotContain("[!NOTE]", markdown);
        Assert.DoesNotContain("not shown", markdown);
    }

    [Fact]
    public void The_pointer_to_the_full_plan_is_configurable()
    {
        var options = new MarkdownPlanOptions { MaxLength = 5_000, FullPlanPointer = "Download `plan.json` from [the run](https://example.invalid/run/1)." };

        var markdown = MarkdownPlanRenderer.Render(SamplePlans.Large(100), options);

        Assert.True(markdown.Length <= 5_000);
        Assert.EndsWith("> " + string.Create(CultureInfo.InvariantCulture, $"This report was shortened to fit {5_000:N0} characters; ") +
                        "shortened lists say how many entries they leave out. Download `plan.json` from [the run](https://example.invalid/run/1).\n", markdown);
    }

    [Fact]
    public void A_limit_too_small_for_the_verdict_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            MarkdownPlanRenderer.Render(SamplePlans.Large(100), new MarkdownPlanOptions { MaxLength = 200 }));
    }

    [Fact]
    public void Shortening_is_deterministic()
    {
        Assert.Equal(MarkdownPlanRenderer.Render(Huge), MarkdownPlanRenderer.Render(Huge));
    }

    private static int Omitted(string markdown, string pattern)
    {
        var match = Regex.Match(markdown, pattern, RegexOptions.Multiline);
        return match.Success ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
    }

    [GeneratedRegex(@"<details>.*?</details>\n", RegexOptions.Singleline)]
    private static partial Regex DetailsElement();
}
