using Esmctl.Commands;
using Reconciler.Core.Diagnostics;
using Reconciler.Core.Planning;
using Reconciler.Core.Reconciling;
using Reconciler.Core.Rendering;
using Reconciler.Core.Rendering.Json;

namespace Esmctl.Output;

/// <summary>Renders a plan in the format asked for, with the scope it was made in at its top; the renderers are pure
/// functions of the plan, the scope and the diagnostics.</summary>
public static class PlanOutput
{
    public static string Render(Plan plan, SessionScope? scope, IReadOnlyList<Diagnostic> diagnostics, PlanPresentation how) => how.Format switch
    {
        OutputFormat.Json => JsonPlanRenderer.Render(plan, scope, diagnostics),
        OutputFormat.Markdown => MarkdownPlanRenderer.Render(plan, scope, diagnostics, how.MarkdownOptions),
        OutputFormat.Github => Annotations(diagnostics) + TextPlanRenderer.Render(plan, scope, how.TextOptions)
            + string.Concat(GitHubAnnotations.Of(plan, scope).Select(line => line + "\n")),
        _ => TextPlanRenderer.Render(plan, scope, how.TextOptions),
    };

    /// <summary>What standard output says when the manifests' errors stopped the plan: the errored JSON document, the
    /// Markdown report with every problem, the annotations; nothing for text (the errors are on standard error).</summary>
    public static string Rejected(SessionScope? scope, IReadOnlyList<Diagnostic> diagnostics, PlanPresentation how) => how.Format switch
    {
        OutputFormat.Json => JsonPlanRenderer.RenderRejected(scope, diagnostics),
        OutputFormat.Markdown => MarkdownPlanRenderer.RenderRejected(scope, diagnostics, how.MarkdownOptions),
        OutputFormat.Github => Annotations(diagnostics),
        _ => "",
    };

    private static string Annotations(IReadOnlyList<Diagnostic> diagnostics) =>
        string.Concat(diagnostics.Select(d => GitHubAnnotations.Of(d) + "\n"));
}

/// <summary>How a plan is presented: the format, colour (text), and for Markdown the commit and where the full plan is.</summary>
public sealed record PlanPresentation(OutputFormat Format, bool Color)
{
    /// <summary>The commit named in the Markdown header (GITHUB_SHA, or git's HEAD); null leaves it out.</summary>
    public string? Commit { get; init; }

    /// <summary>--full-plan-url: the Markdown truncation notice links here.</summary>
    public string? FullPlanUrl { get; init; }

    /// <summary>Diagnostics go to standard error as GitHub annotations (GITHUB_ACTIONS=true) instead of plain lines.</summary>
    public bool Annotate { get; init; }

    public TextPlanOptions TextOptions => new() { UseColor = Color };

    public MarkdownPlanOptions MarkdownOptions => FullPlanUrl is { } url
        ? new MarkdownPlanOptions
        {
            Commit = Commit,
            FullPlanPointer = $"The full plan is in the [plan artifact]({url}) (`esmctl plan --output json`, or the saved plan file).",
        }
        : new MarkdownPlanOptions { Commit = Commit };

    /// <summary>Standard error carries the diagnostics, except with --output github, where standard output has them.</summary>
    public void ReportDiagnostics(IEnumerable<Diagnostic> diagnostics, TextWriter error)
    {
        if (Format == OutputFormat.Github) return;
        DiagnosticsPrinter.Lines(diagnostics, error, Annotate);
    }
}
