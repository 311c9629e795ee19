using System.CommandLine;
using Esmctl.Targets;
using Esmctl.Workflow;

namespace Esmctl.Commands;

/// <summary><c>esmctl export</c>: write a manifest per existing mapping, to bring an account under git.</summary>
public static class ExportCommand
{
    public static Command Create(CommandServices services)
    {
        var target = new TargetOptions();
        var function = new Option<string?>("--function") { Description = "Only this function's mappings (name, name:qualifier or ARN)" };
        var source = new Option<string?>("--event-source-arn") { Description = "Only the mappings of this event source" };
        var directory = new Option<string>("--output-dir", "-o") { Description = "Directory to write the manifests to (created if missing)", Required = true };
        var command = new Command("export", "Write one manifest per existing mapping (defaults left out); plan then shows only adopt, apply only tags");
        target.AddTo(command);
        command.Options.Add(function);
        command.Options.Add(source);
        command.Options.Add(directory);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var run = services.For(parseResult);
            if (target.ReadOrReport(parseResult, run.Console) is not { } settings) return ExitCodes.Error;
            var args = new ExportArguments(settings, parseResult.GetValue(directory)!, parseResult.GetValue(function), parseResult.GetValue(source));
            return await RunAsync(args, run, cancellationToken);
        });
        return command;
    }

    public static async Task<int> RunAsync(ExportArguments args, CommandServices services, CancellationToken cancellationToken)
    {
        var console = services.Console;
        return await CommandErrors.GuardAsync(console, services.Debug, async () =>
        {
            var target = await services.Targets.OpenAsync(args.Target, cancellationToken);
            var manifests = await ExportWorkflow.RunAsync(target, args.Function, args.EventSourceArn, cancellationToken);
            if (manifests.Count == 0)
            {
                await console.Out.WriteLineAsync($"No mappings matched in {target.Description}; nothing was written.");
                return ExitCodes.Success;
            }
            Directory.CreateDirectory(args.Directory);
            foreach (var manifest in manifests)
            {
                var path = Path.Combine(args.Directory, manifest.FileName);
                await File.WriteAllTextAsync(path, manifest.Yaml, cancellationToken);
                await console.Out.WriteLineAsync($"  {path}  ({manifest.Uuid})");
            }
            await console.Out.WriteLineAsync(
                $"Exported {manifests.Count} mapping(s) from {target.Description}. " +
                $"Next: esmctl plan {args.Directory} (expect only adopt), then esmctl apply {args.Directory} to tag them as managed.");
            return ExitCodes.Success;
        });
    }
}

public sealed record ExportArguments(TargetSettings Target, string Directory, string? Function, string? EventSourceArn);
