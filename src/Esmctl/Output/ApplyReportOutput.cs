using Reconciler.Core.Applying;
using Reconciler.Core.Planning;

namespace Esmctl.Output;

/// <summary>The per-mapping report at the end of an apply, and its one-line verdict.</summary>
public static class ApplyReportOutput
{
    public static void Write(TextWriter writer, ApplyReport report)
    {
        if (report.Refusal is { } refusal)
        {
            writer.WriteLine($"Apply refused: {refusal.Message}");
            return;
        }
        var acted = report.Outcomes.Where(o => o.Kind != PlanActionKind.Noop).ToList();
        foreach (var outcome in acted)
        {
            var verb = Verb(outcome.Kind);
            var line = outcome.Result switch
            {
                ApplyResult.Succeeded => $"  ok      {outcome.Name}: {verb}{Uuid(outcome)}",
                ApplyResult.Skipped => $"  skipped {outcome.Name}: {outcome.Error?.Message ?? "not started"}",
                _ => $"  FAILED  {outcome.Name}: {verb} failed: {outcome.Error}",
            };
            writer.WriteLine(line);
            if (outcome.Detail is { } detail) writer.WriteLine($"          {detail}");
        }
        writer.WriteLine(Verdict(report));
    }

    /// <summary>"Apply complete! Mappings: 1 created, ..." or, with failures, how many actions did not complete.</summary>
    public static string Verdict(ApplyReport report)
    {
        var acted = report.Outcomes.Where(o => o.Kind != PlanActionKind.Noop).ToList();
        var failed = acted.Count(o => o.Result != ApplyResult.Succeeded);
        var done = acted.Where(o => o.Result == ApplyResult.Succeeded).GroupBy(o => o.Kind).ToDictionary(g => g.Key, g => g.Count());
        int Count(PlanActionKind kind) => done.GetValueOrDefault(kind);
        var counts = $"{Count(PlanActionKind.Create)} created, {Count(PlanActionKind.Update)} updated, " +
                     $"{Count(PlanActionKind.Replace)} replaced, {Count(PlanActionKind.Delete)} deleted, {Count(PlanActionKind.Adopt)} adopted";
        return failed == 0
            ? $"Apply complete! Mappings: {counts}."
            : $"Apply finished with errors: {failed} of {acted.Count} actions did not complete. Mappings: {counts}.";
    }

    private static string Uuid(ApplyOutcome outcome) => outcome.Uuid is null ? "" : $" ({outcome.Uuid})";

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
