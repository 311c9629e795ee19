using System.CommandLine;
using Esmctl.Output;
using Esmctl.Targets;
using Esmctl.Workflow;
using Reconciler.Core.Applying;
using Reconciler.Core.Live;
using Reconciler.Core.Planning;
using Reconciler.Core.Reconciling;
using Reconciler.Core.Safety;
using Reconciler.Core.SavedPlans;

namespace Esmctl.Commands;

/// <summary><c>esmctl apply</c>: plan, show the plan, ask, then make live state match the manifests.</summary>
public static class ApplyCommand
{
    /// <summary>With --prune and no --max-deletes, an apply deleting more than this is refused: an emptied
    /// manifest directory must not wipe an account.</summary>
    public const int DefaultMaxDeletesWithPrune = 5;

    public static Command Create(CommandServices services)
    {
        var planning = new PlanningOptions();
        var target = new TargetOptions();
        var maxDeletes = new Option<int?>("--max-deletes") { Description = $"Refuse an apply that deletes more mappings than this, the old mapping of each replacement included (default {DefaultMaxDeletesWithPrune} with --prune)" };
        var autoApprove = new Option<bool>("--auto-approve") { Description = "Apply without asking (required when not on a terminal)" };
        var noColor = new Option<bool>("--no-color") { Description = "Never colour the text plan" };
        var wait = new Option<string?>("--wait")
        {
            Description = $"After the calls, wait up to this long (e.g. 90s, 5m) for the mappings to leave Creating/Updating/Enabling/Disabling (default {Daemon.Duration.Format(ApplyOptions.DefaultSettleWait)})",
        };
        var noWait = new Option<bool>("--no-wait") { Description = "Do not wait for the mappings to settle after the calls" };
        var command = new Command("apply", "Make live state match the manifests: plan, confirm, then create, update, replace and (with --prune) delete. " +
            "Given one saved plan file (esmctl plan --out FILE), execute exactly that plan, or refuse if anything moved since");
        planning.AddTo(command);
        target.AddTo(command);
        command.Options.Add(maxDeletes);
        command.Options.Add(autoApprove);
        command.Options.Add(noColor);
        command.Options.Add(wait);
        command.Options.Add(noWait);
        command.Validators.Add(result =>
        {
            // Read from the token: GetValue throws when the value is not a number at all (reported by the parser itself).
            if (result.GetResult(maxDeletes)?.Tokens.LastOrDefault()?.Value is { } text && int.TryParse(text, out var limit) && limit < 0)
                result.AddError("--max-deletes cannot be negative");
            if (result.GetValue(wait) is { } waitText && !Daemon.Duration.TryParse(waitText, out _))
                result.AddError($"--wait: '{waitText}' is not a duration (e.g. 90s, 5m)");
            if (result.GetValue(wait) is not null && result.GetValue(noWait)) result.AddError("--wait and --no-wait cannot be used together");
        });
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var run = services.For(parseResult);
            var console = run.Console;
            // From here on a first Ctrl-C/SIGTERM stops starting actions and a second aborts; neither kills the process
            // before it has said what was done.
            using var signals = run.Interrupts();
            // A terminal that stopped taking output hung up, whether or not its SIGHUP arrives: stop starting as for one.
            using var hungUp = console.Loss?.Token.Register(signals.OutputLost);
            var settleWait = parseResult.GetValue(noWait) ? (TimeSpan?)null
                : parseResult.GetValue(wait) is { } waitText && Daemon.Duration.TryParse(waitText, out var given) ? given
                : ApplyOptions.DefaultSettleWait;
            if (target.ReadOrReport(parseResult, console) is not { } settings) return ExitCodes.Error;
            var inputs = planning.Read(parseResult);
            if (inputs.Paths.Count > 0 && inputs.Paths[0] is var planFile && SavedPlanFile.IsSavedPlan(planFile))
            {
                var manifestPaths = inputs.Paths.Skip(1).ToList();
                // Target, owner, prune and the manifests are this invocation's, whatever the file says; the file must
                // agree with them.
                var saved = new SavedPlanArguments(
                    planFile, manifestPaths, settings, inputs.Owner, inputs.Prune,
                    parseResult.GetValue(maxDeletes) ?? DefaultMaxDeletesWithPrune,
                    parseResult.GetValue(autoApprove), parseResult.GetValue(planning.Stats),
                    ColorChoice.Enabled(console, parseResult.GetValue(noColor))) { SettleWait = settleWait };
                return await RunSavedAsync(saved, run, signals);
            }
            var args = new ApplyArguments(
                inputs, settings,
                parseResult.GetValue(maxDeletes) ?? (inputs.Prune ? DefaultMaxDeletesWithPrune : null),
                parseResult.GetValue(autoApprove), parseResult.GetValue(planning.Stats),
                ColorChoice.Enabled(console, parseResult.GetValue(noColor))) { SettleWait = settleWait };
            return await RunAsync(args, run, signals);
        });
        return command;
    }

    public static async Task<int> RunAsync(ApplyArguments args, CommandServices services, InterruptSignals signals)
    {
        var console = services.Console;
        var cancellationToken = signals.Stopping;
        return await CommandErrors.GuardAsync(console, services.Debug, () => CancelledOnSignalAsync(console, signals, async () =>
        {
            var targetsFile = TargetSelection.TargetsFile(args.Inputs.Paths, args.Target, out var ambiguity);
            if (ambiguity is not null)
            {
                await console.Error.WriteLineAsync($"error: {ambiguity}");
                return ExitCodes.Error;
            }
            if (targetsFile is not null)
                return await MultiTargetRunner.ApplyAsync(targetsFile, args,
                    (autoApprove, c) => ConfirmAsync(autoApprove, c, signals.Stopping), services, signals);

            var session = await services.OpenSessionAsync(args.Target, args.Inputs.Settings(args.MaxDeletes, args.SettleWait), cancellationToken);
            var planned = await session.PlanAsync(args.Inputs.Paths, cancellationToken);
            DiagnosticsPrinter.Lines(planned.Diagnostics, console.Error);
            if (planned.Rejected) return ExitCodes.Error;
            var (plan, live) = (planned.Plan!, planned.Live!);
            foreach (var note in live.Notes) await console.Error.WriteLineAsync($"note: {note}");

            await console.Out.WriteAsync(PlanOutput.Render(plan, OutputFormat.Text, args.Color));
            if (args.Stats) StatsOutput.WriteRead(console.Error, live, planned.Manifests.Mappings.Count, session.Target.Calls.Snapshot());
            if (!plan.HasChanges) return ExitCodes.Success;
            return await ExecuteAsync(session, plan, live, new PlanExecution(args.AutoApprove, args.Stats, args.Color), console, signals);
        }));
    }

    /// <summary>
    /// <c>esmctl apply PLANFILE</c>: the file is untrusted. This invocation's session (its target, owner and prune)
    /// re-derives the plan from the manifests the file names and live state now, and applies it only when it equals the
    /// saved actions and nothing they touch moved.
    /// </summary>
    public static async Task<int> RunSavedAsync(SavedPlanArguments args, CommandServices services, InterruptSignals signals)
    {
        var console = services.Console;
        var cancellationToken = signals.Stopping;
        return await CommandErrors.GuardAsync(console, services.Debug, () => CancelledOnSignalAsync(console, signals, async () =>
        {
            var saved = SavedPlanFile.Parse(await File.ReadAllTextAsync(args.PlanFile, cancellationToken), out var parseError);
            if (saved is null)
            {
                await console.Error.WriteLineAsync($"error: {args.PlanFile}: {parseError}");
                return ExitCodes.Error;
            }
            var settings = new SessionSettings { Owner = args.Owner, Prune = args.Prune, MaxDeletes = args.MaxDeletes, SettleWait = args.SettleWait };
            var session = await services.OpenSessionAsync(args.Target, settings, cancellationToken);
            var (check, planned) = await SavedPlanWorkflow.CheckAsync(saved, session, args.ManifestPaths, cancellationToken);
            if (planned is not null) DiagnosticsPrinter.Lines(planned.Diagnostics, console.Error);
            if (!check.Applicable)
            {
                await WriteRefusalAsync(console.Error, args.PlanFile, check);
                return ExitCodes.Error;
            }

            var (plan, live) = (planned!.Plan!, planned.Live!);
            await console.Out.WriteAsync(PlanOutput.Render(plan, OutputFormat.Text, args.Color));
            if (!plan.HasChanges)
            {
                await console.Out.WriteLineAsync($"The saved plan {args.PlanFile} has no changes; nothing to apply.");
                return ExitCodes.Success;
            }
            return await ExecuteAsync(session, plan, live, new PlanExecution(args.AutoApprove, args.Stats, args.Color), console, signals);
        }));
    }

    private static async Task WriteRefusalAsync(TextWriter error, string planFile, SavedPlanCheck check)
    {
        if (check.Invalid.Count > 0)
        {
            await error.WriteLineAsync($"error: {planFile} is not a plan esmctl could have written; nothing was changed:");
            foreach (var problem in check.Invalid) await error.WriteLineAsync($"  - {problem}");
        }
        if (check.Mismatched.Count > 0)
        {
            await error.WriteLineAsync($"error: the saved plan {planFile} was made for another target, owner, prune or set of manifests than this apply; nothing was changed:");
            foreach (var problem in check.Mismatched) await error.WriteLineAsync($"  - {problem}");
        }
        if (check.Moved.Count > 0)
        {
            await error.WriteLineAsync($"error: the saved plan {planFile} is stale; nothing was changed. What moved since it was made:");
            foreach (var problem in check.Moved) await error.WriteLineAsync($"  - {problem}");
        }
        await error.WriteLineAsync("Run esmctl plan again, review the new plan, and apply that.");
    }

    private static async Task<int> ExecuteAsync(
        ReconcileSession session, Plan plan, LiveState live, PlanExecution args, CommandConsole console, InterruptSignals signals)
    {
        if (session.CheckDeletes(plan.Actions) is { } refusal)
        {
            await console.Error.WriteLineAsync($"error: {refusal.Message}.");
            return ExitCodes.Error;
        }
        if (DeleteCount.Of(plan.Actions) is { Total: > 0 } deletes)
        {
            await console.Out.WriteLineAsync($"\nThis apply deletes {deletes}.");
        }
        if (await ConfirmAsync(args.AutoApprove, console, signals.Stopping) is not { } approval)
        {
            return signals.Received ? signals.ExitCode : ExitCodes.Error;
        }

        var report = await session.ApplyAsync(plan, live, ApplyProgress.For(console, args.Color), signals.Interrupt, approval);
        ApplySummaryTable.Write(console, report, args.Color, session.Target.Calls.Snapshot().Retries);
        if (args.Stats) StatsOutput.WriteApply(console.Error, report);
        return ApplyExitCode.Of([report], otherFailures: false, signals);
    }

    /// <summary>Asks for "yes": how the apply was approved, or null when it was not. Ctrl-C (or SIGTERM) at the prompt
    /// answers: cancelled, nothing changed.</summary>
    private static async Task<Approval?> ConfirmAsync(bool autoApprove, CommandConsole console, CancellationToken stopping)
    {
        if (stopping.IsCancellationRequested)
        {
            await console.Error.WriteLineAsync("Apply cancelled, nothing changed.");
            return null;
        }
        if (autoApprove) return Approval.Automatic;
        if (!console.IsInteractive)
        {
            await console.Error.WriteLineAsync("error: apply needs --auto-approve when it is not run on a terminal; nothing was changed");
            return null;
        }
        await console.Out.WriteAsync("\nDo you want to perform these actions? Only 'yes' will be accepted to approve.\n  Enter a value: ");
        // Console.In reads synchronously even when asked asynchronously: read on another thread, so that a signal can
        // answer instead of the person (the blocked read ends with the process).
        var reading = Task.Run(() => console.In.ReadLine(), CancellationToken.None);
        var interrupted = Task.Delay(Timeout.Infinite, stopping);
        if (await Task.WhenAny(reading, interrupted) != reading || stopping.IsCancellationRequested)
        {
            await console.Out.WriteLineAsync();
            await console.Error.WriteLineAsync("Apply cancelled, nothing changed.");
            return null;
        }
        var answer = await reading;
        // However long the person took, every write now reads its mapping's tags again first.
        if (string.Equals(answer?.Trim(), "yes", StringComparison.Ordinal)) return Approval.Person;
        await console.Error.WriteLineAsync("Apply cancelled; nothing was changed.");
        return null;
    }

    /// <summary>
    /// The command's guard, plus: a signal before any write (while reading the manifests or live state, or planning)
    /// ends the run with "cancelled, nothing changed" and the signal's exit code.
    /// </summary>
    private static async Task<int> CancelledOnSignalAsync(CommandConsole console, InterruptSignals signals, Func<Task<int>> run)
    {
        try
        {
            return await run();
        }
        catch (OperationCanceledException) when (signals.Received)
        {
            await console.Error.WriteLineAsync("Apply cancelled, nothing changed.");
            return signals.ExitCode;
        }
    }
}

public sealed record ApplyArguments(
    PlanInputs Inputs,
    TargetSettings Target,
    int? MaxDeletes,
    bool AutoApprove,
    bool Stats,
    bool Color)
{
    /// <summary>How long to wait for the mappings to settle after the calls; null for --no-wait.</summary>
    public TimeSpan? SettleWait { get; init; } = ApplyOptions.DefaultSettleWait;
}

/// <summary><c>esmctl apply PLANFILE [MANIFESTS...]</c>: the manifests, target, owner, prune and delete limit of this
/// invocation (never the file's; the file must agree with them). ManifestPaths is empty when none are named after the
/// plan file. MaxDeletes defaults to the limit with --prune, whether or not the plan prunes.</summary>
public sealed record SavedPlanArguments(
    string PlanFile,
    IReadOnlyList<string> ManifestPaths,
    TargetSettings Target,
    string Owner,
    bool Prune,
    int MaxDeletes,
    bool AutoApprove,
    bool Stats,
    bool Color)
{
    /// <summary>How long to wait for the mappings to settle after the calls; null for --no-wait.</summary>
    public TimeSpan? SettleWait { get; init; } = ApplyOptions.DefaultSettleWait;
}

/// <summary>How an approved plan is presented and confirmed, whichever way it was obtained.</summary>
internal sealed record PlanExecution(bool AutoApprove, bool Stats, bool Color);
