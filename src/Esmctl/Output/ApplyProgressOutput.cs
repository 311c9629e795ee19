using Reconciler.Core.Applying;

namespace Esmctl.Output;

/// <summary>One line per apply step on standard error, so standard output stays the plan and the report.
/// How an action ended (done, failed, skipped) is not repeated here: the report on standard output says it once per
/// mapping, so a log that merges both streams shows each mapping as it starts and as the report has it, not three times.
/// Called from concurrent actions, hence the lock.</summary>
public sealed class ApplyProgressOutput(TextWriter writer) : IProgress<ApplyEvent>
{
    private readonly object _gate = new();

    public void Report(ApplyEvent value)
    {
        if (value.Step is ApplyStep.Succeeded or ApplyStep.Failed or ApplyStep.Skipped) return;
        var line = value.Step switch
        {
            ApplyStep.WaitingForDeletion or ApplyStep.WaitingToSettle or ApplyStep.Settling =>
                $"{value.Name}: {Describe(value.Step)} ({value.State ?? "?"}, {value.Elapsed.TotalSeconds:0}s elapsed)",
            _ => $"{value.Name}: {Describe(value.Step)}{(value.Uuid is null ? "" : $" [{value.Uuid}]")}{(value.Detail is null ? "" : $" {value.Detail}")}",
        };
        lock (_gate) writer.WriteLine(line);
    }

    private static string Describe(ApplyStep step) => step switch
    {
        ApplyStep.Creating => "creating...",
        ApplyStep.Updating => "updating...",
        ApplyStep.Tagging => "tagging...",
        ApplyStep.Untagging => "removing tags...",
        ApplyStep.Deleting => "deleting...",
        ApplyStep.WaitingForDeletion => "waiting for the old mapping to be deleted",
        ApplyStep.WaitingToSettle => "waiting for the mapping to settle",
        ApplyStep.Settling => "waiting for it to settle",
        ApplyStep.ResolvingConflict => "looking for the existing mapping:",
        ApplyStep.CheckingOwnership => "reading its tags to check ownership before writing",
        ApplyStep.RetryingCreate => "create's outcome was lost:",
        ApplyStep.Conflict => "conflict:",
        ApplyStep.Succeeded => "done",
        ApplyStep.Failed => "failed",
        ApplyStep.Skipped => "skipped",
        _ => step.ToString(),
    };
}
