using System.CommandLine;
using Esmctl.Output;
using Esmctl.Targets;
using Esmctl.Workflow;
using Reconciler.Core.Manifests;
using Reconciler.Core.SavedPlans;

namespace Esmctl.Commands;

/// <summary><c>esmctl plan</c>: show what apply would do, change nothing.</summary>
public static class PlanCommand
{
    public static Command Create(CommandServices services)
    {
        var planning = new PlanningOptions();
        var target = new TargetOptions();
        var output = OutputOption.Create(
            "text, markdown (for a PR comment), json (formatVersion 1) or github (text, and GitHub Actions annotations for the manifests' problems)",
            OutputFormat.Text, OutputFormat.Markdown, OutputFormat.Json, OutputFormat.Github);
        var detailed = new Option<bool>("--detailed-exitcode") { Description = "Exit 2 when live state does not match: changes to apply, conflicts with another owner, or orphans (0 none, 1 error)" };
        var noColor = new Option<bool>("--no-color") { Description = "Never colour the text plan" };
        var save = new Option<string?>("--out") { Description = "Also write the plan to this file (a saved plan) for `esmctl apply FILE` to execute exactly" };
        var fullPlanUrl = new Option<string?>("--full-plan-url") { Description = "Markdown: where the whole plan is (e.g. the workflow run's artifacts), linked when the report is truncated" };
        var command = new Command("plan", "Compare the manifests with live state and show the changes apply would make");
        planning.AddTo(command);
        target.AddTo(command);
        command.Options.Add(output);
        command.Options.Add(detailed);
        command.Options.Add(noColor);
        command.Options.Add(save);
        command.Options.Add(fullPlanUrl);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var run = services.For(parseResult);
            var console = run.Console;
            if (target.ReadOrReport(parseResult, console) is not { } scope) return ExitCodes.Error;
            var inputs = planning.Read(parseResult, scope);
            var format = OutputOption.Parse(parseResult.GetValue(output));
            var args = new PlanArguments(
                inputs, scope, parseResult.GetValue(detailed), parseResult.GetValue(planning.Stats),
                new PlanPresentation(format, ColorChoice.Enabled(console, parseResult.GetValue(noColor)))
                {
                    Commit = format == OutputFormat.Markdown ? run.CommitOf(inputs.Paths) : null,
                    FullPlanUrl = parseResult.GetValue(fullPlanUrl),
                    Annotate = run.InGitHubActions,
                })
            {
                SavePath = parseResult.GetValue(save),
            };
            return await RunAsync(args, run, cancellationToken);
        });
        return command;
    }

    public static async Task<int> RunAsync(PlanArguments args, CommandServices services, CancellationToken cancellationToken)
    {
        var console = services.Console;
        var how = args.Presentation;
        return await CommandErrors.GuardAsync(console, services.Debug, async () =>
        {
            var targetsFile = TargetSelection.TargetsFile(args.Inputs.Paths, args.Scope.Target, out var ambiguity);
            if (ambiguity is not null)
            {
                await console.Error.WriteLineAsync($"error: {ambiguity}");
                return ExitCodes.Error;
            }
            if (targetsFile is not null) return await MultiTargetRunner.PlanAsync(targetsFile, args, services, cancellationToken);

            // Invalid manifests are reported before the target is opened: no call at all (not even STS), and missing
            // credentials (a fork's pull request) never hide the manifests' errors.
            var manifests = ManifestLoader.Load(args.Inputs.Paths, services.Time);
            if (manifests.HasErrors)
            {
                how.ReportDiagnostics(manifests.Diagnostics, console.Error);
                await console.Out.WriteAsync(PlanOutput.Rejected(null, manifests.Diagnostics, how));
                return ExitCodes.Error;
            }
            var session = await services.OpenSessionAsync(args.Scope.Target, args.Scope.Settings(), cancellationToken);
            var planned = await session.PlanAsync(manifests, knownTags: null, cancellationToken);
            how.ReportDiagnostics(planned.Diagnostics, console.Error);
            if (planned.Rejected)
            {
                await console.Out.WriteAsync(PlanOutput.Rejected(session.Scope, planned.Diagnostics, how));
                return ExitCodes.Error;
            }

            var (plan, live) = (planned.Plan!, planned.Live!);
            foreach (var note in live.Notes) await console.Error.WriteLineAsync($"note: {note}");
            await console.Out.WriteAsync(PlanOutput.Render(plan, session.Scope, planned.Diagnostics, how));
            if (session.CheckDeletes(plan.Actions) is { } refusal)
                await console.Error.WriteLineAsync($"warning: apply would refuse this plan: {refusal.Message}");
            if (args.SavePath is { } path)
            {
                var saved = SavedPlanWorkflow.ToDocument(planned, session, args.Inputs.Paths, args.Scope.Target, services.Time);
                await File.WriteAllTextAsync(path, SavedPlanFile.Serialize(saved), cancellationToken);
                await console.Error.WriteLineAsync(
                    $"Saved the plan to {path}; apply exactly this plan with: esmctl apply {RepeatedOptions.ShellWord(path)} " +
                    $"{string.Join(' ', args.Inputs.Paths.Select(RepeatedOptions.ShellWord))}{RepeatedOptions.Of(args.Scope.Target, args.Scope.Owner, args.Scope.Prune)}");
            }
            if (args.Stats) StatsOutput.WriteRead(console.Error, live, planned.Manifests.Mappings.Count, session.Target.Calls.Snapshot());
            return args.DetailedExitCode && plan.HasPendingChanges ? ExitCodes.Changes : ExitCodes.Success;
        });
    }
}

/// <summary>What `esmctl plan` was asked: the manifests, the target and as whom, and how to present the plan.</summary>
public sealed record PlanArguments(
    PlanInputs Inputs,
    TargetArguments Scope,
    bool DetailedExitCode,
    bool Stats,
    PlanPresentation Presentation)
{
    /// <summary>--out: where to write the saved plan; null writes none.</summary>
    public string? SavePath { get; init; }
}
