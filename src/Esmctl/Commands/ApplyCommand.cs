using System.CommandLine;
using Esmctl.Output;
using Esmctl.Targets;
using Esmctl.Workflow;
using Reconciler.Core.Applying;
using Reconciler.Core.Live;
using Reconciler.Core.Manifests;
using Reconciler.Core.Planning;
using Reconciler.Core.Reconciling;
using Reconciler.Core.Rendering;
using Reconciler.Core.Safety;
using Reconciler.Core.SavedPlans;

namespace Esmctl.Commands;

/// <summary><c>esmctl apply</c>: plan, show the plan, ask, then make live state match the manifests.</summary>
public static class ApplyCommand
{
    public static Command Create(CommandServices services)
    {
        var planning = new PlanningOptions();
        var target = new TargetOptions();
        var output = OutputOption.Create("text, or json (formatVersion 1: what was done per mapping, retries, settle state and how the run ended; needs --auto-approve)",
            OutputFormat.Text, OutputFormat.Json);
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
        command.Options.Add(output);
        command.Options.Add(autoApprove);
        command.Options.Add(noColor);
        command.Options.Add(wait);
        command.Options.Add(noWait);
        command.Validators.Add(result =>
        {
            if (result.GetValue(wait) is { } waitText && !Daemon.Duration.TryParse(waitText, out _))
                result.AddError($"--wait: '{waitText}' is not a duration (e.g. 90s, 5m)");
            if (result.GetValue(wait) is not null && result.GetValue(noWait)) result.AddError("--wait and --no-wait cannot be used together");
            // As Terraform's apply -json: there is no one to ask, and the prompt would land in the document.
            if (OutputOption.Parse(result.GetValue(output)) == OutputFormat.Json && !result.GetValue(autoApprove))
                result.AddError("apply --output json needs --auto-approve: review the plan first (esmctl plan), then apply without a prompt");
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
            if (target.ReadOrReport(parseResult, console) is not { } scope) return ExitCodes.Error;
            var inputs = planning.Read(parseResult, scope);
            var json = OutputOption.Parse(parseResult.GetValue(output)) == OutputFormat.Json;
            var execution = new PlanExecution(parseResult.GetValue(autoApprove), parseResult.GetValue(planning.Stats),
                ColorChoice.Enabled(console, parseResult.GetValue(noColor)) && !json, settleWait, run.InGitHubActions);
            return await WithReportAsync(json, run, async (services, report) =>
            {
                if (inputs.Paths.Count > 0 && inputs.Paths[0] is var planFile && SavedPlanFile.IsSavedPlan(planFile))
                {
                    // Target, owner, prune and the manifests are this invocation's, whatever the file says; the file must
                    // agree with them. The delete limit defaults to the one of --prune, whether or not the plan prunes.
                    var saved = new SavedPlanArguments(planFile, scope with { MaxDeletesGiven = scope.MaxDeletesGiven ?? SessionSettings.DefaultMaxDeletesWithPrune }, execution)
                    {
                        ManifestPaths = [.. inputs.Paths.Skip(1)],
                    };
                    return await RunSavedAsync(saved, services, signals, report);
                }
                return await RunAsync(new ApplyArguments(inputs, scope, execution), services, signals, report);
            }, signals);
        });
        return command;
    }

    /// <summary>Runs the apply; with --output json its text goes nowhere and standard output gets the report's document
    /// once it is done, whatever the exit.</summary>
    private static async Task<int> WithReportAsync(
        bool json, CommandServices services, Func<CommandServices, ApplyJsonReport, Task<int>> run, InterruptSignals signals)
    {
        var report = new ApplyJsonReport();
        if (!json) return await run(services, report);
        var errors = new LastErrorWriter(services.Console.Error);
        var quiet = services with { Console = services.Console with { Out = TextWriter.Null, Error = errors, IsInteractive = false } };
        var code = await run(quiet, report);
        await services.Console.Out.WriteAsync(report.Render(code, errors.Last, signals.Received));
        return code;
    }

    public static async Task<int> RunAsync(ApplyArguments args, CommandServices services, InterruptSignals signals, ApplyJsonReport report)
    {
        var console = services.Console;
        var cancellationToken = signals.Stopping;
        return await CommandErrors.GuardAsync(console, services.Debug, () => CancelledOnSignalAsync(console, signals, async () =>
        {
            var targetsFile = TargetSelection.TargetsFile(args.Inputs.Paths, args.Scope.Target, out var ambiguity);
            if (ambiguity is not null)
            {
                await console.Error.WriteLineAsync($"error: {ambiguity}");
                return ExitCodes.Error;
            }
            if (targetsFile is not null)
                return await MultiTargetRunner.ApplyAsync(targetsFile, args,
                    (autoApprove, where, c) => ConfirmAsync(autoApprove, where, c, signals.Stopping), services, signals, report);

            // Invalid manifests are reported before the target is opened (no call at all; no credentials error hiding them).
            var manifests = ManifestLoader.Load(args.Inputs.Paths, services.Time);
            if (manifests.HasErrors)
            {
                DiagnosticsPrinter.Lines(manifests.Diagnostics, console.Error, args.Execution.Annotate);
                report.Rejected(manifests.Diagnostics);
                return ExitCodes.Error;
            }
            var session = await services.OpenSessionAsync(args.Scope.Target, args.Scope.Settings(args.Execution.SettleWait), cancellationToken);
            var planned = await session.PlanAsync(manifests, knownTags: null, cancellationToken);
            DiagnosticsPrinter.Lines(planned.Diagnostics, console.Error, args.Execution.Annotate);
            if (planned.Rejected)
            {
                report.Rejected(planned.Diagnostics);
                return ExitCodes.Error;
            }
            report.Diagnostics(planned.Diagnostics);
            var (plan, live) = (planned.Plan!, planned.Live!);
            foreach (var note in live.Notes) await console.Error.WriteLineAsync($"note: {note}");

            await console.Out.WriteAsync(TextPlanRenderer.Render(plan, session.Scope, new TextPlanOptions { UseColor = args.Execution.Color }));
            if (args.Execution.Stats) StatsOutput.WriteRead(console.Error, live, planned.Manifests.Mappings.Count, session.Target.Calls.Snapshot());
            if (!plan.HasChanges)
            {
                report.Target(null, session.Scope, plan, null, session.Target.Calls.Snapshot().Retries);
                return ExitCodes.Success;
            }
            return await ExecuteAsync(session, plan, live, args.Execution, console, signals, report);
        }));
    }

    /// <summary>
    /// <c>esmctl apply PLANFILE</c>: the file is untrusted. This invocation's session (its target, owner and prune)
    /// re-derives the plan from the manifests the file names and live state now, and applies it only when it equals the
    /// saved actions and nothing they touch moved. A file holding the plans of an esmctl.yaml's targets is checked the
    /// same way, target by target (<see cref="MultiTargetRunner.ApplySavedAsync"/>).
    /// </summary>
    public static async Task<int> RunSavedAsync(SavedPlanArguments args, CommandServices services, InterruptSignals signals, ApplyJsonReport report)
    {
        var console = services.Console;
        var cancellationToken = signals.Stopping;
        return await CommandErrors.GuardAsync(console, services.Debug, () => CancelledOnSignalAsync(console, signals, async () =>
        {
            var (text, unreadable) = await SavedPlanFile.ReadTextAsync(args.PlanFile, cancellationToken);
            if (text is null)
            {
                await console.Error.WriteLineAsync($"error: {args.PlanFile}: {unreadable}");
                return ExitCodes.Error;
            }
            if (SavedPlanFile.IsSet(text))
                return await MultiTargetRunner.ApplySavedAsync(args, text,
                    (autoApprove, where, c) => ConfirmAsync(autoApprove, where, c, signals.Stopping), services, signals, report);

            var saved = SavedPlanFile.Parse(text, out var parseError);
            if (saved is null)
            {
                await console.Error.WriteLineAsync($"error: {args.PlanFile}: {parseError}");
                return ExitCodes.Error;
            }
            if (args.Scope.Target.Given.Count == 0 && TargetsFile.Find(saved.Manifests.Paths ?? []) is { } targetsFile)
            {
                await console.Error.WriteLineAsync($"error: {args.PlanFile} is a plan for one target, but its manifests' folder has {targetsFile}: " +
                    "plan that folder again (esmctl plan --out writes one file with every target's plan) and apply that; nothing was changed");
                return ExitCodes.Error;
            }
            var session = await services.OpenSessionAsync(args.Scope.Target, args.Scope.Settings(args.Execution.SettleWait), cancellationToken);
            var (check, planned) = await SavedPlanWorkflow.CheckAsync(saved, session, args.ManifestPaths, cancellationToken);
            if (planned is not null) DiagnosticsPrinter.Lines(planned.Diagnostics, console.Error, args.Execution.Annotate);
            if (!check.Applicable)
            {
                await WriteRefusalAsync(console.Error, args.PlanFile, check);
                report.Target(null, session.Scope, planned?.Plan, null, session.Target.Calls.Snapshot().Retries, "refused",
                    string.Join("; ", check.Invalid.Concat(check.Mismatched).Concat(check.Moved)));
                return ExitCodes.Error;
            }

            var (plan, live) = (planned!.Plan!, planned.Live!);
            await console.Out.WriteAsync(TextPlanRenderer.Render(plan, session.Scope, new TextPlanOptions { UseColor = args.Execution.Color }));
            if (!plan.HasChanges)
            {
                await console.Out.WriteLineAsync($"The saved plan {args.PlanFile} has no changes; nothing to apply.");
                report.Target(null, session.Scope, plan, null, session.Target.Calls.Snapshot().Retries);
                return ExitCodes.Success;
            }
            return await ExecuteAsync(session, plan, live, args.Execution, console, signals, report);
        }));
    }

    /// <summary>Every reason a saved plan is refused, grouped: the file, the invocation, what moved.</summary>
    internal static async Task WriteRefusalAsync(TextWriter error, string planFile, SavedPlanCheck check)
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
        ReconcileSession session, Plan plan, LiveState live, PlanExecution args, CommandConsole console, InterruptSignals signals, ApplyJsonReport report)
    {
        var retries = () => session.Target.Calls.Snapshot().Retries;
        if (session.CheckDeletes(plan.Actions) is { } refusal)
        {
            await console.Error.WriteLineAsync($"error: {refusal.Message}.");
            report.Target(null, session.Scope, plan, null, retries(), "refused", refusal.Message);
            return ExitCodes.Error;
        }
        if (DeleteCount.Of(plan.Actions) is { Total: > 0 } deletes)
        {
            await console.Out.WriteLineAsync($"\nThis apply deletes {deletes}.");
        }
        if (await ConfirmAsync(args.AutoApprove, Where(session.Scope), console, signals.Stopping) is not { } approval)
        {
            report.Target(null, session.Scope, plan, null, retries(), "cancelled", "not approved; nothing was changed");
            return signals.Received ? signals.ExitCode : ExitCodes.Error;
        }

        var applied = await session.ApplyAsync(plan, live, ApplyProgress.For(console, args.Color), signals.Interrupt, approval);
        ApplySummaryTable.Write(console, applied, args.Color, retries(), session.Scope);
        if (args.Stats) StatsOutput.WriteApply(console.Error, applied);
        report.Target(null, session.Scope, plan, applied, retries());
        return ApplyExitCode.Of([applied], otherFailures: false, signals);
    }

    /// <summary>Where the prompt says the actions go: "local (.esmctl/local-state.json), account 123456789012, region us-east-1".</summary>
    internal static string Where(SessionScope scope) =>
        $"{ScopeText.Place(scope.Target)}, account {scope.Target.Account}, region {scope.Target.Region}";

    /// <summary>Asks for "yes", naming where the actions go: how the apply was approved, or null when it was not. Ctrl-C
    /// (or SIGTERM) at the prompt answers: cancelled, nothing changed.</summary>
    private static async Task<Approval?> ConfirmAsync(bool autoApprove, string where, CommandConsole console, CancellationToken stopping)
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
        await console.Out.WriteAsync($"\nDo you want to perform these actions on {where}? Only 'yes' will be accepted to approve.\n  Enter a value: ");
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
    internal static async Task<int> CancelledOnSignalAsync(CommandConsole console, InterruptSignals signals, Func<Task<int>> run)
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

/// <summary>What `esmctl apply PATH...` was asked: the manifests, the target and as whom, and how to execute.</summary>
public sealed record ApplyArguments(PlanInputs Inputs, TargetArguments Scope, PlanExecution Execution);

/// <summary><c>esmctl apply PLANFILE [MANIFESTS...]</c>: the manifests, target, owner, prune and delete limit of this
/// invocation (never the file's; the file must agree with them). The delete limit defaults to the one of --prune, whether
/// or not the plan prunes.</summary>
public sealed record SavedPlanArguments(string PlanFile, TargetArguments Scope, PlanExecution Execution)
{
    /// <summary>The manifests named after the plan file; empty when none are.</summary>
    public IReadOnlyList<string> ManifestPaths { get; init; } = [];
}

/// <summary>How an approved plan is presented, confirmed and waited for, whichever way it was obtained.</summary>
/// <param name="SettleWait">How long to wait for the mappings to settle after the calls; null for --no-wait.</param>
/// <param name="Annotate">Diagnostics as GitHub annotations (GITHUB_ACTIONS=true).</param>
public sealed record PlanExecution(bool AutoApprove, bool Stats, bool Color, TimeSpan? SettleWait, bool Annotate);
