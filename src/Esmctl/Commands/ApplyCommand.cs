using System.CommandLine;
using Esmctl.Output;
using Esmctl.Targets;
using Esmctl.Workflow;
using Reconciler.Core.Applying;
using Reconciler.Core.Planning;
using Reconciler.Core.SavedPlans;

namespace Esmctl.Commands;

/// <summary><c>esmctl apply</c>: plan, show the plan, ask, then make live state match the manifests.</summary>
public static class ApplyCommand
{
    /// <summary>With --prune and no --max-deletes, an apply deleting more than this is refused: an emptied
    /// manifest directory must not wipe an account.</summary>
    public const int DefaultMaxDeletesWithPrune = 5;

    public static Command Create(TimeProvider time)
    {
        var planning = new PlanningOptions();
        var target = new TargetOptions();
        var maxDeletes = new Option<int?>("--max-deletes") { Description = $"Refuse an apply that deletes more mappings than this (default {DefaultMaxDeletesWithPrune} with --prune)" };
        var autoApprove = new Option<bool>("--auto-approve") { Description = "Apply without asking (required when not on a terminal)" };
        var noColor = new Option<bool>("--no-color") { Description = "Never colour the text plan" };
        var command = new Command("apply", "Make live state match the manifests: plan, confirm, then create, update, replace and (with --prune) delete. " +
            "Given one saved plan file (esmctl plan --out FILE), execute exactly that plan, or refuse if anything moved since");
        planning.AddTo(command);
        target.AddTo(command);
        command.Options.Add(maxDeletes);
        command.Options.Add(autoApprove);
        command.Options.Add(noColor);
        command.Validators.Add(result =>
        {
            // Read from the token: GetValue throws when the value is not a number at all (reported by the parser itself).
            if (result.GetResult(maxDeletes)?.Tokens.LastOrDefault()?.Value is { } text && int.TryParse(text, out var limit) && limit < 0)
                result.AddError("--max-deletes cannot be negative");
        });
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var console = CommandConsole.System();
            if (target.ReadOrReport(parseResult, console) is not { } settings) return ExitCodes.Error;
            var inputs = planning.Read(parseResult);
            if (inputs.Paths is [var only] && SavedPlanFile.IsSavedPlan(only))
            {
                var explicitTarget = parseResult.GetResult(target.Target) is { Implicit: false };
                var saved = new SavedPlanArguments(
                    only, explicitTarget ? settings : null,
                    parseResult.GetValue(maxDeletes),
                    parseResult.GetValue(autoApprove), parseResult.GetValue(planning.Stats),
                    ColorChoice.Enabled(console, parseResult.GetValue(noColor)));
                return await RunSavedAsync(saved, console, time, cancellationToken);
            }
            var args = new ApplyArguments(
                inputs, settings,
                parseResult.GetValue(maxDeletes) ?? (inputs.Prune ? DefaultMaxDeletesWithPrune : null),
                parseResult.GetValue(autoApprove), parseResult.GetValue(planning.Stats),
                ColorChoice.Enabled(console, parseResult.GetValue(noColor)));
            return await RunAsync(args, console, time, cancellationToken);
        });
        return command;
    }

    public static async Task<int> RunAsync(ApplyArguments args, CommandConsole console, TimeProvider time, CancellationToken cancellationToken)
    {
        return await CommandErrors.GuardAsync(console, async () =>
        {
            if (TargetsFile.Find(args.Inputs.Paths) is { } targetsFile)
                return await MultiTargetRunner.ApplyAsync(targetsFile, args, ConfirmAsync, console, time, cancellationToken);
            var target = await TargetFactory.OpenAsync(args.Target, time, cancellationToken);
            var result = await PlanWorkflow.RunAsync(args.Inputs, target, time, cancellationToken);
            DiagnosticsPrinter.Lines(result.Diagnostics, console.Error);
            if (result.Plan is null || result.Live is null) return ExitCodes.Error;
            foreach (var note in result.Live.Notes) await console.Error.WriteLineAsync($"note: {note}");

            var plan = result.Plan;
            await console.Out.WriteAsync(PlanOutput.Render(plan, OutputFormat.Text, args.Color));
            if (args.Stats) StatsOutput.WriteRead(console.Error, result.Live, result.Manifests.Mappings.Count);
            if (!plan.HasChanges) return ExitCodes.Success;
            var execution = new PlanExecution(args.MaxDeletes, args.AutoApprove, args.Stats, args.Color);
            return await ExecuteAsync(plan, target, result.Options, execution, console, time, cancellationToken);
        });
    }

    /// <summary><c>esmctl apply PLANFILE</c>: check that nothing moved since the plan was saved, then execute exactly it.</summary>
    public static async Task<int> RunSavedAsync(SavedPlanArguments args, CommandConsole console, TimeProvider time, CancellationToken cancellationToken)
    {
        return await CommandErrors.GuardAsync(console, async () =>
        {
            var saved = SavedPlanFile.Parse(await File.ReadAllTextAsync(args.PlanFile, cancellationToken), out var parseError);
            if (saved is null)
            {
                await console.Error.WriteLineAsync($"error: {args.PlanFile}: {parseError}");
                return ExitCodes.Error;
            }
            var settings = args.Target ?? SavedPlanTarget.Settings(saved.Target, out parseError);
            if (settings is null)
            {
                await console.Error.WriteLineAsync($"error: {args.PlanFile}: {parseError}");
                return ExitCodes.Error;
            }
            var target = await TargetFactory.OpenAsync(settings, time, cancellationToken);
            SavedPlanApplyResult check;
            try
            {
                check = await SavedPlanWorkflow.CheckAsync(saved, target, time, cancellationToken);
            }
            catch (InvalidDataException e)
            {
                await console.Error.WriteLineAsync($"error: {args.PlanFile}: {e.Message}");
                return ExitCodes.Error;
            }
            if (check.Manifests is { } manifests) DiagnosticsPrinter.Lines(manifests.Diagnostics, console.Error);
            if (check.Refused)
            {
                await console.Error.WriteLineAsync($"error: the saved plan {args.PlanFile} is stale; nothing was changed. What moved since it was made:");
                foreach (var refusal in check.Refusals) await console.Error.WriteLineAsync($"  - {refusal}");
                await console.Error.WriteLineAsync("Run esmctl plan again, review the new plan, and apply that.");
                return ExitCodes.Error;
            }

            var plan = check.Plan!;
            await console.Out.WriteAsync(PlanOutput.Render(plan, OutputFormat.Text, args.Color));
            if (!plan.HasChanges)
            {
                await console.Out.WriteLineAsync($"The saved plan {args.PlanFile} has no changes; nothing to apply.");
                return ExitCodes.Success;
            }
            var maxDeletes = args.MaxDeletes ?? (saved.Options.Prune ? DefaultMaxDeletesWithPrune : null);
            var execution = new PlanExecution(maxDeletes, args.AutoApprove, args.Stats, args.Color);
            return await ExecuteAsync(plan, target, check.Options, execution, console, time, cancellationToken);
        });
    }

    private static async Task<int> ExecuteAsync(
        Plan plan, Target target, PlanOptions options, PlanExecution args, CommandConsole console, TimeProvider time, CancellationToken cancellationToken)
    {
        if (args.MaxDeletes is { } limit && plan.Summary.Delete > limit)
        {
            await console.Error.WriteLineAsync(
                $"error: the plan deletes {plan.Summary.Delete} mappings, more than --max-deletes {limit}; nothing was changed. " +
                "Check the manifests, or raise --max-deletes if this is intended.");
            return ExitCodes.Error;
        }
        if (!await ConfirmAsync(args.AutoApprove, console)) return ExitCodes.Error;

        var applier = new PlanApplier(
            target.Api,
            time,
            new ApplyOptions { MaxDeletes = args.MaxDeletes, Jitter = ApplyOptions.JitterFrom(new Random()) },
            (desired, live, tags) => Planner.PlanAgainst(desired, live, tags, options),
            ApplyProgress.For(console, args.Color));
        var report = await applier.ApplyAsync(plan, cancellationToken);
        ApplySummaryTable.Write(console, report, args.Color);
        if (args.Stats) StatsOutput.WriteApply(console.Error, report);
        return report.HasFailures ? ExitCodes.Error : ExitCodes.Success;
    }

    private static async Task<bool> ConfirmAsync(bool autoApprove, CommandConsole console)
    {
        if (autoApprove) return true;
        if (!console.IsInteractive)
        {
            await console.Error.WriteLineAsync("error: apply needs --auto-approve when it is not run on a terminal; nothing was changed");
            return false;
        }
        await console.Out.WriteAsync("\nDo you want to perform these actions? Only 'yes' will be accepted to approve.\n  Enter a value: ");
        var answer = await console.In.ReadLineAsync();
        if (string.Equals(answer?.Trim(), "yes", StringComparison.Ordinal)) return true;
        await console.Error.WriteLineAsync("Apply cancelled; nothing was changed.");
        return false;
    }
}

public sealed record ApplyArguments(
    PlanInputs Inputs,
    TargetSettings Target,
    int? MaxDeletes,
    bool AutoApprove,
    bool Stats,
    bool Color);

/// <summary><c>esmctl apply PLANFILE</c>. Target is null unless --target was given: then the saved plan's target is reopened.</summary>
public sealed record SavedPlanArguments(
    string PlanFile,
    TargetSettings? Target,
    int? MaxDeletes,
    bool AutoApprove,
    bool Stats,
    bool Color);

/// <summary>How an approved plan is executed, whichever way it was obtained.</summary>
internal sealed record PlanExecution(int? MaxDeletes, bool AutoApprove, bool Stats, bool Color);
