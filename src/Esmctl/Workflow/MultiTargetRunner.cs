using System.Text.Json.Nodes;
using Esmctl.Commands;
using Esmctl.Output;
using Esmctl.Targets;
using Reconciler.Core.Applying;
using Reconciler.Core.Reconciling;
using Reconciler.Core.Manifests;
using Reconciler.Core.Planning;

namespace Esmctl.Workflow;

/// <summary>plan and apply when the manifests' root has esmctl.yaml: every target planned (and applied) on its own,
/// the output grouped per target in the file's order, and a per-target summary last. Exit 1 if any target failed,
/// even though the others were planned and applied.</summary>
public static class MultiTargetRunner
{
    public static async Task<int> PlanAsync(string targetsFile, PlanArguments args, CommandServices services, CancellationToken ct)
    {
        var console = services.Console;
        if (args.SavePath is not null)
        {
            await console.Error.WriteLineAsync($"error: --out (a saved plan) is not supported with {TargetsFile.FileName} targets yet; plan without it");
            return ExitCodes.Error;
        }
        var runs = await PlanAllAsync(targetsFile, args.Inputs, args.Target.Profile, args.Inputs.Settings(), services, ct);
        if (runs is null) return ExitCodes.Error;

        if (args.Output == OutputFormat.Json)
        {
            await console.Out.WriteAsync(Json(runs));
        }
        else
        {
            foreach (var run in runs)
            {
                await console.Out.WriteAsync(Header(run, args.Output));
                if (run.Planned?.Plan is { } plan) await console.Out.WriteAsync(PlanOutput.Render(plan, args.Output, args.Color));
                else await console.Out.WriteLineAsync($"error: {Failure(run)}");
                await console.Out.WriteLineAsync();
            }
            await WriteSummaryAsync(console.Out, runs, run => run.Planned?.Plan is { } p ? Counts(p) : null);
        }
        foreach (var run in runs.Where(r => r.Failed)) await console.Error.WriteLineAsync($"error: target {run.Entry.Name}: {Failure(run)}");
        if (runs.Any(r => r.Failed)) return ExitCodes.Error;
        return args.DetailedExitCode && runs.Any(r => r.HasChanges) ? ExitCodes.Changes : ExitCodes.Success;
    }

    public static async Task<int> ApplyAsync(
        string targetsFile, ApplyArguments args, Func<bool, CommandConsole, Task<Approval?>> confirm,
        CommandServices services, InterruptSignals signals)
    {
        var console = services.Console;
        var ct = signals.Stopping;
        var runs = await PlanAllAsync(targetsFile, args.Inputs, args.Target.Profile, args.Inputs.Settings(args.MaxDeletes, args.SettleWait), services, ct);
        if (runs is null) return ExitCodes.Error;
        foreach (var run in runs)
        {
            await console.Out.WriteAsync(Header(run, OutputFormat.Text));
            if (run.Planned?.Plan is { } plan) await console.Out.WriteAsync(PlanOutput.Render(plan, OutputFormat.Text, args.Color));
            else await console.Out.WriteLineAsync($"error: {Failure(run)}");
            await console.Out.WriteLineAsync();
        }

        var changing = runs.Where(r => !r.Failed && r.HasChanges).ToList();
        var refused = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var run in changing)
            if (run.Session!.CheckDeletes(run.Planned!.Plan!.Actions) is { } refusal)
                refused[run.Entry.Name] = refusal.Message;
        var toApply = changing.Where(r => !refused.ContainsKey(r.Entry.Name)).ToList();

        var reports = new Dictionary<string, ApplyReport>(StringComparer.Ordinal);
        if (toApply.Count > 0 && await confirm(args.AutoApprove, console) is { } approval)
        {
            var applied = await MultiTargetWorkflow.ApplyAllAsync(toApply, MultiTargetWorkflow.DefaultConcurrency, signals.Interrupt, approval);
            foreach (var (run, report, error, progress) in applied)
            {
                await console.Error.WriteAsync(progress);
                await console.Out.WriteLineAsync($"--- target {run.Entry.Name} ---");
                if (report is not null)
                {
                    ApplyReportOutput.Write(console.Out, report, run.Session!.Target.Calls.Snapshot().Retries);
                    reports[run.Entry.Name] = report;
                }
                else
                {
                    await console.Out.WriteLineAsync($"error: {error}");
                    refused[run.Entry.Name] = error!;
                }
            }
        }
        else if (toApply.Count > 0)
        {
            return signals.Received ? signals.ExitCode : ExitCodes.Error;
        }

        await WriteSummaryAsync(console.Out, runs, run =>
            refused.TryGetValue(run.Entry.Name, out var why) ? $"error: {why}"
            : reports.TryGetValue(run.Entry.Name, out var report) ? Applied(report, run.Planned!.Plan!)
            : run.Planned?.Plan is { } plan ? $"no changes ({Counts(plan)})" : null);
        foreach (var run in runs.Where(r => r.Failed)) await console.Error.WriteLineAsync($"error: target {run.Entry.Name}: {Failure(run)}");
        return ApplyExitCode.Of(reports.Values, otherFailures: runs.Any(r => r.Failed) || refused.Count > 0, signals);
    }

    /// <summary>One target's line in the summary after an apply: how it ended, and the mappings it left deleted and not
    /// recreated (the last thing a person reads must name them).</summary>
    private static string Applied(ApplyReport report, Plan plan)
    {
        var acted = report.Outcomes.Where(o => o.Kind != PlanActionKind.Noop).ToList();
        var line = report.Interruption != ApplyInterruption.None
            ? acted.All(o => o.Result == ApplyResult.Skipped)
                ? "interrupted before it started; nothing was changed here"
                : $"interrupted ({acted.Count(o => o.Result == ApplyResult.Succeeded)} of {acted.Count} actions done)"
            : (report.HasFailures ? "applied with failures" : "applied") + $" ({Counts(plan)})";
        if (report.LeftDeleted is { Count: > 0 } left)
            line += "; left deleted and not recreated: " + string.Join(", ", left.Select(o => $"{o.Name} (old mapping {o.LeftDeleted})"));
        return line;
    }

    /// <summary>Loads the targets and the manifests once, then opens and plans every target in its own session; null
    /// when the input was rejected (nothing reached any target).</summary>
    private static async Task<IReadOnlyList<TargetRun>?> PlanAllAsync(
        string targetsFile, PlanInputs inputs, string? profile, SessionSettings settings, CommandServices services, CancellationToken ct)
    {
        var console = services.Console;
        var entries = TargetsFile.Read(targetsFile, out var errors);
        foreach (var error in errors) await console.Error.WriteLineAsync($"error: {error}");
        if (errors.Count > 0) return null;
        var manifests = ManifestLoader.Load(inputs.Paths, services.Time);
        DiagnosticsPrinter.Lines(manifests.Diagnostics, console.Error);
        if (manifests.HasErrors) return null;
        var unselected = MultiTargetWorkflow.Unselected(manifests, entries);
        DiagnosticsPrinter.Lines(unselected, console.Error);
        if (unselected.Count > 0) return null;
        return await MultiTargetWorkflow.PlanAllAsync(
            entries, manifests, (entry, token) => services.OpenSessionAsync(entry, profile, settings, token),
            MultiTargetWorkflow.DefaultConcurrency, ct);
    }

    private static string Header(TargetRun run, OutputFormat format)
    {
        var title = $"target {run.Entry.Name} (account {run.Entry.Account}, {run.Entry.Region})";
        return format == OutputFormat.Markdown ? $"## {title}\n\n" : $"=== {title} ===\n";
    }

    private static string Failure(TargetRun run) =>
        run.Error ?? string.Join("; ", run.Planned?.Diagnostics.Select(d => d.ToString()) ?? ["the plan was rejected"]);

    private static string Counts(Plan plan) =>
        $"{plan.Summary.Create} to create, {plan.Summary.Update} to update, {plan.Summary.Replace} to replace, " +
        $"{plan.Summary.Delete} to delete, {plan.Summary.Adopt} to adopt";

    private static async Task WriteSummaryAsync(TextWriter output, IReadOnlyList<TargetRun> runs, Func<TargetRun, string?> line)
    {
        await output.WriteLineAsync($"Targets: {runs.Count(r => !r.Failed)} planned, {runs.Count(r => r.Failed)} failed.");
        foreach (var run in runs)
            await output.WriteLineAsync($"  {run.Entry.Name}: {(run.Failed ? "error: " + Failure(run) : line(run) ?? "")}");
    }

    private static string Json(IReadOnlyList<TargetRun> runs)
    {
        var targets = new JsonArray();
        foreach (var run in runs)
        {
            targets.Add(new JsonObject
            {
                ["name"] = run.Entry.Name,
                ["account"] = run.Entry.Account,
                ["region"] = run.Entry.Region,
                ["error"] = run.Failed ? Failure(run) : null,
                ["plan"] = run.Planned?.Plan is { } plan ? JsonNode.Parse(PlanOutput.Render(plan, OutputFormat.Json, false)) : null,
            });
        }
        return new JsonObject { ["targets"] = targets }.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }) + "\n";
    }
}
