using System.Text.Json.Nodes;
using Esmctl.Commands;
using Esmctl.Output;
using Esmctl.Targets;
using Reconciler.Core.Applying;
using Reconciler.Core.Diagnostics;
using Reconciler.Core.Manifests;
using Reconciler.Core.Planning;
using Reconciler.Core.Reconciling;
using Reconciler.Core.Rendering;
using Reconciler.Core.Rendering.Json;
using Reconciler.Core.SavedPlans;

namespace Esmctl.Workflow;

/// <summary>plan and apply when the manifests' root has esmctl.yaml: every target planned (and applied) on its own,
/// the output grouped per target in the file's order, each with its scope line, and a per-target summary last. Exit 1
/// if any target failed, even though the others were planned and applied. A saved plan holds every target's plan
/// (<see cref="SavedPlanSetDocument"/>) and is applied only when every one of them still holds.</summary>
public static class MultiTargetRunner
{
    /// <summary>Asks once for all targets: (auto-approve, where, console) → approved.</summary>
    public delegate Task<Approval?> Confirm(bool autoApprove, string where, CommandConsole console);

    public static async Task<int> PlanAsync(string targetsFile, PlanArguments args, CommandServices services, CancellationToken ct)
    {
        var console = services.Console;
        var how = args.Presentation;
        var (runs, rejected) = await PlanAllAsync(targetsFile, args.Inputs, args.Scope.Target, args.Scope.Settings(), services, how.Annotate, ct);
        if (runs is null)
        {
            if (how.Format == OutputFormat.Json) await console.Out.WriteAsync(Json([], rejected));
            else await console.Out.WriteAsync(PlanOutput.Rejected(null, rejected, how));
            return ExitCodes.Error;
        }

        if (how.Format == OutputFormat.Json)
        {
            await console.Out.WriteAsync(Json(runs, []));
        }
        else
        {
            foreach (var run in runs)
            {
                await console.Out.WriteAsync(Header(run, how.Format));
                if (run.Planned?.Plan is { } plan) await console.Out.WriteAsync(PlanOutput.Render(plan, Scope(run), run.Planned.Diagnostics, how));
                else await console.Out.WriteLineAsync($"error: {Failure(run)}");
                await console.Out.WriteLineAsync();
            }
            await WriteSummaryAsync(console.Out, runs, run => run.Planned?.Plan is { } p ? Counts(p) : null);
        }
        foreach (var run in runs.Where(r => r.Failed)) await console.Error.WriteLineAsync($"error: target {run.Entry.Name}: {Failure(run)}");
        foreach (var run in runs.Where(r => !r.Failed && r.Session!.CheckDeletes(r.Planned!.Plan!.Actions) is not null))
            await console.Error.WriteLineAsync($"warning: target {run.Entry.Name}: apply would refuse this plan: {run.Session!.CheckDeletes(run.Planned!.Plan!.Actions)!.Message}");
        if (runs.Any(r => r.Failed))
        {
            if (args.SavePath is not null)
                await console.Error.WriteLineAsync($"error: the plan was not saved to {args.SavePath}: a saved plan holds every target's plan, and {string.Join(", ", runs.Where(r => r.Failed).Select(r => r.Entry.Name))} failed");
            return ExitCodes.Error;
        }
        if (args.SavePath is { } path)
        {
            var saved = SavedPlanWorkflow.ToSet(runs, targetsFile, args.Inputs.Paths, services.Time);
            await File.WriteAllTextAsync(path, SavedPlanFile.Serialize(saved), ct);
            await console.Error.WriteLineAsync(
                $"Saved the plans of {runs.Count} target{(runs.Count == 1 ? "" : "s")} to {path}; apply exactly these plans with: esmctl apply {RepeatedOptions.ShellWord(path)} " +
                $"{string.Join(' ', args.Inputs.Paths.Select(RepeatedOptions.ShellWord))}{RepeatedOptions.Of(args.Scope.Target, args.Scope.Owner, args.Scope.Prune)}");
        }
        return args.DetailedExitCode && runs.Any(r => r.Planned?.Plan?.HasPendingChanges == true) ? ExitCodes.Changes : ExitCodes.Success;
    }

    public static async Task<int> ApplyAsync(
        string targetsFile, ApplyArguments args, Confirm confirm, CommandServices services, InterruptSignals signals, ApplyJsonReport report)
    {
        var (runs, rejected) = await PlanAllAsync(targetsFile, args.Inputs, args.Scope.Target,
            args.Scope.Settings(args.Execution.SettleWait), services, args.Execution.Annotate, signals.Stopping);
        if (runs is null)
        {
            report.Rejected(rejected);
            return ExitCodes.Error;
        }
        return await ExecuteAllAsync(runs, args.Execution, confirm, services, signals, report);
    }

    /// <summary>
    /// <c>esmctl apply PLANFILE</c> for a set of saved plans. The targets are esmctl.yaml's as it is now (the file must be
    /// the one planned, by digest, with the same targets), the owner, prune and delete limit this invocation's; each
    /// target's plan is made again from its share of the manifests and live state now and must equal its saved plan
    /// (<see cref="SavedPlanVerifier"/>). One target refused refuses them all: nothing is changed anywhere.
    /// </summary>
    public static async Task<int> ApplySavedAsync(
        SavedPlanArguments args, string text, Confirm confirm, CommandServices services, InterruptSignals signals, ApplyJsonReport report)
    {
        var console = services.Console;
        var ct = signals.Stopping;
        var set = SavedPlanFile.ParseSet(text, out var parseError);
        if (set is null)
        {
            await console.Error.WriteLineAsync($"error: {args.PlanFile}: {parseError}");
            return ExitCodes.Error;
        }
        var invalid = SavedPlanVerifier.Invalid(set);
        if (invalid.Count > 0)
        {
            await ApplyCommand.WriteRefusalAsync(console.Error, args.PlanFile, new SavedPlanCheck(invalid, [], []));
            return ExitCodes.Error;
        }
        if (args.Scope.Target.Given.Count > 0)
        {
            await console.Error.WriteLineAsync($"error: {args.PlanFile} holds the plans of the targets in {set.TargetsFile.Path}, and the command line names a target too " +
                $"({string.Join(", ", args.Scope.Target.Given)}); nothing was read or changed. Drop {string.Join(", ", args.Scope.Target.Given)}: the targets come from {TargetsFile.FileName}");
            return ExitCodes.Error;
        }
        var paths = set.Targets[0].Plan.Manifests.Paths;
        // The manifests named after the plan file must be the saved ones before the file's folder is even read: its
        // esmctl.yaml says which accounts (and roles) to open.
        if (SavedPlanVerifier.ManifestsMismatched(paths, args.ManifestPaths, Directory.GetCurrentDirectory()) is { Count: > 0 } unnamed)
        {
            await ApplyCommand.WriteRefusalAsync(console.Error, args.PlanFile, new SavedPlanCheck([], unnamed, []));
            return ExitCodes.Error;
        }
        var (entries, fileProblems) = SavedPlanWorkflow.TargetsNow(set, paths);
        if (fileProblems.Count > 0)
        {
            await ApplyCommand.WriteRefusalAsync(console.Error, args.PlanFile, new SavedPlanCheck([], fileProblems, []));
            return ExitCodes.Error;
        }

        var manifests = ManifestLoader.Load(paths, services.Time);
        var settings = args.Scope.Settings(args.Execution.SettleWait);
        var checks = await MultiTargetWorkflow.ForEachAsync(entries!, async (entry, token) =>
        {
            var saved = set.Targets.Single(t => t.Name == entry.Name).Plan;
            ReconcileSession? session = null;
            try
            {
                session = await services.OpenSessionAsync(entry, args.Scope.Target, settings, token);
                if (TargetGuard.Expected(entry.Account, entry.Region, session.Target.Identity) is { } refusal)
                    return (Run: new TargetRun(entry, session, null, refusal), Check: (SavedPlanCheck?)null);
                var (check, planned) = await SavedPlanWorkflow.CheckAsync(saved, session, MultiTargetWorkflow.ShareOf(entry, manifests), args.ManifestPaths, token);
                return (Run: new TargetRun(entry, session, planned, null), Check: (SavedPlanCheck?)check);
            }
            catch (Exception e) when (CommandErrors.IsTargetFailure(e) && !token.IsCancellationRequested)
            {
                return (Run: new TargetRun(entry, session, null, CommandErrors.Describe(e)), Check: (SavedPlanCheck?)null);
            }
        }, ct);

        DiagnosticsPrinter.Lines(manifests.Diagnostics, console.Error, args.Execution.Annotate);
        var refused = false;
        foreach (var (run, check) in checks)
        {
            if (run.Error is not null || run.Planned is null)
            {
                await console.Error.WriteLineAsync($"error: target {run.Entry.Name}: {Failure(run)}; nothing was changed on any target");
                report.Target(run.Entry.Name, Scope(run), null, null, Retries(run), "failed", Failure(run));
                refused = true;
            }
            else if (check is { Applicable: false })
            {
                await ApplyCommand.WriteRefusalAsync(console.Error, $"{args.PlanFile} (target {run.Entry.Name})", check);
                report.Target(run.Entry.Name, Scope(run), run.Planned.Plan, null, Retries(run), "refused",
                    string.Join("; ", check.Invalid.Concat(check.Mismatched).Concat(check.Moved)));
                refused = true;
            }
        }
        if (refused) return ExitCodes.Error;
        return await ExecuteAllAsync([.. checks.Select(c => c.Run)], args.Execution, confirm, services, signals, report);
    }

    /// <summary>Shows every target's plan, refuses the targets over the delete limit, asks once, applies the targets with
    /// changes a few at a time, and ends with a per-target summary.</summary>
    private static async Task<int> ExecuteAllAsync(
        IReadOnlyList<TargetRun> runs, PlanExecution args, Confirm confirm, CommandServices services, InterruptSignals signals, ApplyJsonReport report)
    {
        var console = services.Console;
        var ct = signals.Stopping;
        foreach (var run in runs)
        {
            await console.Out.WriteAsync(Header(run, OutputFormat.Text));
            if (run.Planned?.Plan is { } plan)
                await console.Out.WriteAsync(TextPlanRenderer.Render(plan, Scope(run), new TextPlanOptions { UseColor = args.Color }));
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
        var where = string.Join("; ", toApply.Select(r => $"{r.Entry.Name}: {ApplyCommand.Where(r.Session!.Scope)}"));
        if (toApply.Count > 0 && await confirm(args.AutoApprove, $"{toApply.Count} target{(toApply.Count == 1 ? "" : "s")} ({where})", console) is { } approval)
        {
            var applied = await MultiTargetWorkflow.ApplyAllAsync(toApply, MultiTargetWorkflow.DefaultConcurrency, signals.Interrupt, approval);
            foreach (var (run, result, error, progress) in applied)
            {
                await console.Error.WriteAsync(progress);
                await console.Out.WriteLineAsync($"--- target {run.Entry.Name} ---");
                if (result is not null)
                {
                    ApplyReportOutput.Write(console.Out, result, Retries(run), Scope(run));
                    reports[run.Entry.Name] = result;
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
            foreach (var run in runs)
                report.Target(run.Entry.Name, Scope(run), run.Planned?.Plan, null, Retries(run),
                    run.Failed ? "failed" : run.HasChanges ? "cancelled" : "no-changes", run.Failed ? Failure(run) : null);
            return signals.Received ? signals.ExitCode : ExitCodes.Error;
        }

        foreach (var run in runs)
        {
            var name = run.Entry.Name;
            report.Target(name, Scope(run), run.Planned?.Plan, reports.GetValueOrDefault(name), Retries(run),
                run.Failed ? "failed" : !reports.ContainsKey(name) && refused.ContainsKey(name) ? "refused" : null,
                run.Failed ? Failure(run) : refused.GetValueOrDefault(name));
        }
        await WriteSummaryAsync(console.Out, runs, run =>
            refused.TryGetValue(run.Entry.Name, out var why) ? $"error: {why}"
            : reports.TryGetValue(run.Entry.Name, out var result) ? Applied(result, run.Planned!.Plan!)
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
    /// and the errors when the input was rejected (nothing reached any target).</summary>
    private static async Task<(IReadOnlyList<TargetRun>? Runs, IReadOnlyList<Diagnostic> Rejected)> PlanAllAsync(
        string targetsFile, PlanInputs inputs, TargetSettings target, SessionSettings settings, CommandServices services, bool annotate, CancellationToken ct)
    {
        var console = services.Console;
        var entries = TargetsFile.Load(targetsFile, out var errors);
        DiagnosticsPrinter.Lines(errors, console.Error, annotate);
        if (errors.Count > 0) return (null, errors);
        var manifests = ManifestLoader.Load(inputs.Paths, services.Time);
        DiagnosticsPrinter.Lines(manifests.Diagnostics, console.Error, annotate);
        if (manifests.HasErrors) return (null, manifests.Diagnostics);
        var unselected = MultiTargetWorkflow.Unselected(manifests, entries);
        DiagnosticsPrinter.Lines(unselected, console.Error, annotate);
        if (unselected.Count > 0) return (null, [.. manifests.Diagnostics, .. unselected]);
        return (await MultiTargetWorkflow.PlanAllAsync(
            entries, manifests, (entry, token) => services.OpenSessionAsync(entry, target, settings, token),
            MultiTargetWorkflow.DefaultConcurrency, ct), []);
    }

    private static SessionScope? Scope(TargetRun run) => run.Session?.Scope is { } scope ? scope with { TargetName = run.Entry.Name } : null;

    private static Reconciler.Core.Api.RetryCounts Retries(TargetRun run) =>
        run.Session?.Target.Calls.Snapshot().Retries ?? Reconciler.Core.Api.RetryCounts.None;

    private static string Header(TargetRun run, OutputFormat format)
    {
        var title = $"target {run.Entry.Name} (account {run.Entry.Account}, {run.Entry.Region})";
        return format == OutputFormat.Markdown ? $"## {title}\n\n" : $"=== {title} ===\n";
    }

    private static string Failure(TargetRun run) =>
        run.Error ?? string.Join("; ", run.Planned?.Diagnostics.Where(d => d.Severity == Severity.Error).Select(d => d.ToString()) ?? ["the plan was rejected"]);

    private static string Counts(Plan plan) =>
        $"{plan.Summary.Create} to create, {plan.Summary.Update} to update, {plan.Summary.Replace} to replace, " +
        $"{plan.Summary.Delete} to delete, {plan.Summary.Adopt} to adopt" +
        (plan.Conflicts.Count > 0 ? $", {plan.Conflicts.Count} in conflict" : "") +
        (plan.Orphans.Count > 0 ? $", {plan.Orphans.Count} orphaned" : "");

    private static async Task WriteSummaryAsync(TextWriter output, IReadOnlyList<TargetRun> runs, Func<TargetRun, string?> line)
    {
        await output.WriteLineAsync($"Targets: {runs.Count(r => !r.Failed)} planned, {runs.Count(r => r.Failed)} failed.");
        foreach (var run in runs)
            // A failure's paragraph is under the target's heading already (and on stderr): once more here would bury the summary.
            await output.WriteLineAsync($"  {run.Entry.Name}: {(run.Failed ? "failed (see its section above)" : line(run) ?? "")}");
    }

    private static string Json(IReadOnlyList<TargetRun> runs, IReadOnlyList<Diagnostic> rejected)
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
                ["plan"] = run.Planned?.Plan is { } plan ? JsonNode.Parse(JsonPlanRenderer.Render(plan, Scope(run), run.Planned.Diagnostics)) : null,
            });
        }
        return new JsonObject
        {
            ["formatVersion"] = PlanDocument.CurrentFormatVersion,
            ["errored"] = rejected.Any(d => d.Severity == Severity.Error),
            ["diagnostics"] = new JsonArray([.. rejected.Select(d => (JsonNode)new JsonObject
            {
                ["severity"] = d.Severity == Severity.Error ? "error" : "warning",
                ["file"] = d.Location.File,
                ["line"] = d.Location.Line,
                ["column"] = d.Location.Column,
                ["field"] = d.Field,
                ["message"] = d.Message,
            })]),
            ["targets"] = targets,
        }.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }) + "\n";
    }
}
