using Reconciler.Core.Api;
using Reconciler.Core.Applying;
using Reconciler.Core.Planning;
using Reconciler.Core.Reconciling;
using Reconciler.Core.Rendering;

namespace Esmctl.Output;

/// <summary>The per-mapping report at the end of an apply, and its one-line verdict.</summary>
public static class ApplyReportOutput
{
    /// <summary>The report, with what the run's AWS client retried (nothing for the local target), and where it acted
    /// (the scope line after the verdict, so "Apply complete!" never leaves the target unsaid).</summary>
    public static void Write(TextWriter writer, ApplyReport report, RetryCounts clientRetries, SessionScope? scope = null)
    {
        if (report.Refusal is { } refusal)
        {
            writer.WriteLine($"Apply refused: {refusal.Message}");
            if (scope is not null) writer.WriteLine(ScopeText.Line(scope));
            return;
        }
        if (Interruption(report) is { } interrupted) writer.WriteLine(interrupted);
        var acted = report.Outcomes.Where(o => o.Kind != PlanActionKind.Noop).ToList();
        foreach (var outcome in acted)
        {
            var verb = Verb(outcome.Kind);
            var line = outcome.Result switch
            {
                ApplyResult.Succeeded => $"  ok      {outcome.Name}: {verb}{Uuid(outcome)}",
                ApplyResult.Skipped => $"  skipped {outcome.Name}: {outcome.Error?.Message ?? "not started"}",
                ApplyResult.Conflict => $"  CONFLICT {outcome.Name}: not {verb}: {outcome.Error?.Message}",
                _ => $"  FAILED  {outcome.Name}: {Noun(outcome.Kind)} failed: {outcome.Error}",
            };
            writer.WriteLine(line);
            if (outcome.Detail is { } detail) writer.WriteLine($"          {detail}");
            if (outcome.Settle == SettleState.InProgress) writer.WriteLine($"          {InProgress(outcome)}");
        }
        foreach (var line in Notes(report)) writer.WriteLine(line);
        writer.WriteLine(Verdict(report));
        if (scope is not null) writer.WriteLine(ScopeText.Line(scope));
        if (Retries(report, clientRetries) is { } retries) writer.WriteLine(retries);
    }

    /// <summary>The line that opens the report of an apply stopped from outside (a signal), or null: how it was stopped,
    /// and that what follows is what was done and what was not. The same for one target and for each of many.</summary>
    public static string? Interruption(ApplyReport report) => report.Interruption switch
    {
        ApplyInterruption.Aborted => "\ninterrupted (aborted at the second signal): what was done and what was not:",
        ApplyInterruption.Stopped => "\ninterrupted: no new action was started; those in flight finished. What was done and what was not:",
        _ => null,
    };

    /// <summary>What a person must know beyond each action's line: mappings left deleted and not recreated, and
    /// mappings still settling.</summary>
    public static IEnumerable<string> Notes(ApplyReport report)
    {
        foreach (var outcome in report.LeftDeleted)
            yield return $"Left deleted and not recreated: {outcome.Name} (old mapping {outcome.LeftDeleted}); the next apply creates it.";
        if (report.InProgress.Count > 0)
            yield return $"Note: {report.InProgress.Count} {(report.InProgress.Count == 1 ? "mapping is" : "mappings are")} still in progress " +
                "when the wait ended (not a failure: AWS finishes them on its own; esmctl plan shows them once settled).";
    }

    private static string InProgress(ApplyOutcome outcome) =>
        $"still {outcome.State ?? "in progress"} when the wait ended; AWS finishes it on its own";

    /// <summary>"Apply complete! Mappings: 1 created, ..." or, with failures, how many actions did not complete.</summary>
    public static string Verdict(ApplyReport report)
    {
        var acted = report.Outcomes.Where(o => o.Kind != PlanActionKind.Noop).ToList();
        var failed = acted.Count(o => o.Result != ApplyResult.Succeeded);
        var conflicts = acted.Count(o => o.Result == ApplyResult.Conflict);
        var done = acted.Where(o => o.Result == ApplyResult.Succeeded).GroupBy(o => o.Kind).ToDictionary(g => g.Key, g => g.Count());
        int Count(PlanActionKind kind) => done.GetValueOrDefault(kind);
        var counts = $"{Count(PlanActionKind.Create)} created, {Count(PlanActionKind.Update)} updated, " +
                     $"{Count(PlanActionKind.Replace)} replaced, {Count(PlanActionKind.Delete)} deleted, {Count(PlanActionKind.Adopt)} adopted";
        var conflictNote = conflicts == 0 ? "" : $" ({conflicts} {(conflicts == 1 ? "conflict" : "conflicts")}: not this owner's to change)";
        if (report.Interruption != ApplyInterruption.None)
            return $"Apply interrupted: {failed} of {acted.Count} actions were not done{conflictNote}. Mappings: {counts}.";
        return failed == 0
            ? $"Apply complete! Mappings: {counts}."
            : $"Apply finished with errors: {failed} of {acted.Count} actions did not complete{conflictNote}. Mappings: {counts}.";
    }

    /// <summary>One line saying what was tried again (<see cref="ApplyRetries"/>, each cause apart), or null when nothing
    /// was.</summary>
    public static string? Retries(ApplyReport report, RetryCounts client)
    {
        var retries = ApplyRetries.Of(report, client);
        if (retries.IsEmpty) return null;
        var c = retries.Client;
        var parts = new List<string>
        {
            $"{c.Retried} API calls retried ({c.Throttled} throttled, {c.ServiceErrors} service errors, " +
            $"{c.Network} network, {c.Propagation} IAM propagation)",
        };
        if (c.GaveUp > 0) parts.Add($"{c.GaveUp} given up after the retry limit");
        if (retries.LostCreatesResent > 0) parts.Add($"{retries.LostCreatesResent} lost creates sent again (outcome unknown, mapping not found)");
        if (retries.BusyRepeats > 0) parts.Add($"{retries.BusyRepeats} repeated after the mapping was busy");
        if (retries.SettlePolls > 0) parts.Add($"{retries.SettlePolls} polls waiting for a mapping to settle");
        if (retries.CreatesFoundExisting > 0) parts.Add($"{retries.CreatesFoundExisting} creates resolved by finding the existing mapping");
        return "Retries: " + string.Join("; ", parts) + ".";
    }

    private static string Uuid(ApplyOutcome outcome) => outcome.Uuid is null ? "" : $" ({outcome.Uuid})";

    /// <summary>The action as a noun, for "update failed" (not "updated failed").</summary>
    private static string Noun(PlanActionKind kind) => kind.ToString().ToLowerInvariant();

    private static string Verb(PlanActionKind kind) => kind switch
    {
        PlanActionKind.Create => "created",
        PlanActionKind.Update => "updated",
        PlanActionKind.Replace => "replaced",
        PlanActionKind.Delete => "deleted",
        PlanActionKind.Adopt => "adopted",
        _ => "unchanged",
    };
}
