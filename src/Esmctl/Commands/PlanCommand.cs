using System.CommandLine;
using Esmctl.Output;
using Esmctl.Targets;
using Esmctl.Workflow;
using Reconciler.Core.Planning;
using Reconciler.Core.Rendering;
using Reconciler.Core.SavedPlans;

namespace Esmctl.Commands;

/// <summary><c>esmctl plan</c>: show what apply would do, change nothing.</summary>
public static class PlanCommand
{
    public static Command Create(CommandServices services)
    {
        var planning = new PlanningOptions();
        var target = new TargetOptions();
        var output = OutputOption.Create("text, markdown (for a PR comment) or json (formatVersion 1)", OutputFormat.Text, OutputFormat.Markdown, OutputFormat.Json);
        var detailed = new Option<bool>("--detailed-exitcode") { Description = "Exit 2 when the plan has changes (0 none, 1 error)" };
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
            if (target.ReadOrReport(parseResult, console) is not { } settings) return ExitCodes.Error;
            var args = new PlanArguments(
                planning.Read(parseResult), settings, OutputOption.Parse(parseResult.GetValue(output)),
                parseResult.GetValue(detailed), parseResult.GetValue(planning.Stats),
                Color: ColorChoice.Enabled(console, parseResult.GetValue(noColor)))
            {
                SavePath = parseResult.GetValue(save),
                FullPlanUrl = parseResult.GetValue(fullPlanUrl),
            };
            return await RunAsync(args, run, cancellationToken);
        });
        return command;
    }

    public static async Task<int> RunAsync(PlanArguments args, CommandServices services, CancellationToken cancellationToken)
    {
        var console = services.Console;
        return await CommandErrors.GuardAsync(console, services.Debug, async () =>
        {
            var targetsFile = TargetSelection.TargetsFile(args.Inputs.Paths, args.Target, out var ambiguity);
            if (ambiguity is not null)
            {
                await console.Error.WriteLineAsync($"error: {ambiguity}");
                return ExitCodes.Error;
            }
            if (targetsFile is not null) return await MultiTargetRunner.PlanAsync(targetsFile, args, services, cancellationToken);

            var session = await services.OpenSessionAsync(args.Target, args.Inputs.Settings(), cancellationToken);
            var planned = await session.PlanAsync(args.Inputs.Paths, cancellationToken);
            DiagnosticsPrinter.Lines(planned.Diagnostics, console.Error);
            if (planned.Rejected) return ExitCodes.Error;

            var (plan, live) = (planned.Plan!, planned.Live!);
            foreach (var note in live.Notes) await console.Error.WriteLineAsync($"note: {note}");
            await console.Out.WriteAsync(Render(plan, args));
            if (args.SavePath is { } path)
            {
                var saved = SavedPlanWorkflow.ToDocument(planned, session, args.Inputs.Paths, args.Target, services.Time);
                await File.WriteAllTextAsync(path, SavedPlanFile.Serialize(saved), cancellationToken);
                await console.Error.WriteLineAsync(
                    $"Saved the plan to {path}; apply exactly this plan with: esmctl apply {path} {string.Join(' ', args.Inputs.Paths)} " +
                    "(and the same --target, --owner and --prune)");
            }
            if (args.Stats) StatsOutput.WriteRead(console.Error, live, planned.Manifests.Mappings.Count, session.Target.Calls.Snapshot());
            return args.DetailedExitCode && plan.HasChanges ? ExitCodes.Changes : ExitCodes.Success;
        });
    }

    private static string Render(Plan plan, PlanArguments args) =>
        args.Output == OutputFormat.Markdown && args.FullPlanUrl is { } url
            ? MarkdownPlanRenderer.Render(plan, new MarkdownPlanOptions
            {
                FullPlanPointer = $"The full plan is in the [plan artifact]({url}) (`esmctl plan --output json`, or the saved plan file).",
            })
            : PlanOutput.Render(plan, args.Output, args.Color);
}

public sealed record PlanArguments(
    PlanInputs Inputs,
    TargetSettings Target,
    OutputFormat Output,
    bool DetailedExitCode,
    bool Stats,
    bool Color)
{
    /// <summary>--out: where to write the saved plan; null writes none.</summary>
    public string? SavePath { get; init; }

    /// <summary>--full-plan-url: the Markdown truncation notice links here.</summary>
    public string? FullPlanUrl { get; init; }
}
