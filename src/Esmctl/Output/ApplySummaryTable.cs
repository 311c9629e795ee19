using Reconciler.Core.Api;
using Reconciler.Core.Applying;
using Reconciler.Core.Planning;
using Reconciler.Core.Reconciling;
using Reconciler.Core.Rendering;
using Spectre.Console;

namespace Esmctl.Output;

/// <summary>The end of an apply on a terminal: a table of what happened to each mapping, then the verdict line
/// the plain report also ends with. Off a terminal the plain <see cref="ApplyReportOutput"/> is used.</summary>
public static class ApplySummaryTable
{
    /// <summary>The report as a table when a person is watching, else the plain lines scripts read.</summary>
    public static void Write(CommandConsole console, ApplyReport report, bool color, RetryCounts clientRetries, SessionScope? scope = null)
    {
        if (!console.IsInteractive || report.Refusal is not null)
        {
            ApplyReportOutput.Write(console.Out, report, clientRetries, scope);
            return;
        }
        Render(console.Out, report, color, clientRetries, scope);
    }

    public static void Render(TextWriter writer, ApplyReport report, bool color, RetryCounts clientRetries, SessionScope? scope = null)
    {
        if (ApplyReportOutput.Interruption(report) is { } interrupted) writer.WriteLine(interrupted);
        var acted = report.Outcomes.Where(o => o.Kind != PlanActionKind.Noop).ToList();
        var terminal = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = color ? AnsiSupport.Yes : AnsiSupport.No,
            ColorSystem = color ? ColorSystemSupport.Standard : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn("Mapping").AddColumn("Action").AddColumn("Result").AddColumn("Mapping UUID / error")
            .AddColumn(new TableColumn("Calls").RightAligned());
        foreach (var outcome in acted)
        {
            var (result, style) = outcome.Result switch
            {
                ApplyResult.Succeeded => ("ok", "green"),
                ApplyResult.Skipped => ("skipped", "yellow"),
                ApplyResult.Conflict => ("CONFLICT", "red"),
                _ => ("FAILED", "red"),
            };
            var detail = outcome.Result == ApplyResult.Succeeded
                ? (outcome.Uuid ?? "") + (outcome.Settle == SettleState.InProgress ? $" (still {outcome.State})" : "")
                : outcome.Error?.ToString() ?? "not started";
            table.AddRow(
                new Text(outcome.Name),
                new Text(outcome.Kind.ToString().ToLowerInvariant()),
                new Text(result, new Style(foreground: color ? Style.Parse(style).Foreground : Color.Default)),
                new Text(detail),
                new Text(outcome.Calls.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
        if (acted.Count > 0) terminal.Write(table);
        foreach (var line in ApplyReportOutput.Notes(report)) writer.WriteLine(line);
        writer.WriteLine(ApplyReportOutput.Verdict(report));
        if (scope is not null) writer.WriteLine(ScopeText.Line(scope));
        if (ApplyReportOutput.Retries(report, clientRetries) is { } retries) writer.WriteLine(retries);
    }
}
