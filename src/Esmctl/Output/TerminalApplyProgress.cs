using Reconciler.Core.Applying;
using Reconciler.Core.Planning;

namespace Esmctl.Output;

/// <summary>
/// Apply progress for a person at a terminal: one line per step, coloured by what it does (+ create, ~ update,
/// -/+ replace, - delete), and a wait on a transitional state redrawn in place with its elapsed time rather than
/// a new line per poll. Actions run concurrently, so a wait is redrawn only when it is still the last line.
/// </summary>
public sealed class TerminalApplyProgress(TextWriter writer, Ansi ansi) : IProgress<ApplyEvent>
{
    private readonly object _gate = new();
    private string? _lastWaitFor;

    public void Report(ApplyEvent value)
    {
        var isWait = value.Step is ApplyStep.WaitingForDeletion or ApplyStep.WaitingToSettle or ApplyStep.Settling;
        lock (_gate)
        {
            // A wait redraws with colour only: without colour (NO_COLOR on a terminal) it is a plain new line.
            var redraw = isWait && _lastWaitFor == value.Name && ansi.Enabled;
            writer.Write((redraw ? ansi.RewritePreviousLine : "") + Line(value) + "\n");
            writer.Flush();
            _lastWaitFor = isWait ? value.Name : null;
        }
    }

    private string Line(ApplyEvent value)
    {
        var symbol = Symbol(value.Kind);
        var name = ansi.Bold(value.Name);
        var uuid = value.Uuid is null ? "" : ansi.Dim($" [{value.Uuid}]");
        var detail = value.Detail is null ? "" : $" {value.Detail}";
        return value.Step switch
        {
            ApplyStep.Creating => $"{symbol} {name}: creating...",
            ApplyStep.Updating => $"{symbol} {name}: updating...{uuid}",
            ApplyStep.Tagging => $"{symbol} {name}: tagging...{uuid}",
            ApplyStep.Untagging => $"{symbol} {name}: removing tags...{uuid}",
            ApplyStep.Deleting => $"{symbol} {name}: deleting...{uuid}",
            ApplyStep.WaitingForDeletion =>
                $"{symbol} {name}: waiting for the old mapping to be deleted ({value.State ?? "?"}, {Elapsed(value.Elapsed)} elapsed)",
            ApplyStep.WaitingToSettle =>
                $"{symbol} {name}: waiting for the mapping to settle ({value.State ?? "?"}, {Elapsed(value.Elapsed)} elapsed)",
            ApplyStep.Settling =>
                $"{symbol} {name}: waiting for it to settle ({value.State ?? "?"}, {Elapsed(value.Elapsed)} elapsed){uuid}",
            ApplyStep.ResolvingConflict => $"{symbol} {name}: looking for the existing mapping{detail}",
            ApplyStep.CheckingOwnership => $"{symbol} {name}: reading its tags to check ownership before writing{uuid}",
            ApplyStep.RetryingCreate => $"{symbol} {name}: create's outcome was lost{detail}",
            ApplyStep.Conflict => $"{ansi.Red("✗")} {name}: {ansi.Red("conflict")}{detail}",
            ApplyStep.Succeeded => $"{ansi.Green("✓")} {name}: {Done(value.Kind)} after {Elapsed(value.Elapsed)}{uuid}",
            ApplyStep.Failed => $"{ansi.Red("✗")} {name}: {ansi.Red("failed")}{detail}",
            ApplyStep.Skipped => $"{ansi.Yellow("!")} {name}: skipped{detail}",
            _ => $"{symbol} {name}: {value.Step}",
        };
    }

    private string Symbol(PlanActionKind kind) => kind switch
    {
        PlanActionKind.Create => ansi.Green("+"),
        PlanActionKind.Update => ansi.Yellow("~"),
        PlanActionKind.Replace => ansi.Red("-") + ansi.Green("/+"),
        PlanActionKind.Delete => ansi.Red("-"),
        PlanActionKind.Adopt => ansi.Cyan("<="),
        _ => " ",
    };

    private static string Done(PlanActionKind kind) => kind switch
    {
        PlanActionKind.Create => "created",
        PlanActionKind.Update => "updated",
        PlanActionKind.Replace => "replaced",
        PlanActionKind.Delete => "deleted",
        PlanActionKind.Adopt => "adopted",
        _ => "done",
    };

    private static string Elapsed(TimeSpan elapsed) =>
        elapsed.TotalMinutes >= 1 ? $"{(int)elapsed.TotalMinutes}m{elapsed.Seconds:00}s" : $"{elapsed.TotalSeconds:0}s";
}
