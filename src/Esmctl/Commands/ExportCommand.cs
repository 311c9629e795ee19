using System.CommandLine;
using Esmctl.Targets;
using Esmctl.Workflow;

namespace Esmctl.Commands;

/// <summary><c>esmctl export</c>: write a manifest per existing mapping, to bring an account under git.</summary>
public static class ExportCommand
{
    public static Command Create(CommandServices services)
    {
        var target = new TargetOptions(writes: false);
        var function = new Option<string?>("--function") { Description = "Only this function's mappings (name, name:qualifier or ARN)" };
        var source = new Option<string?>("--event-source-arn") { Description = "Only the mappings of this event source" };
        var directory = new Option<string?>("--output-dir") { Description = "Directory to write the manifests to (created if missing)" };
        // -o is the output format in plan and validate; here it used to be the directory, so it still works, with a note.
        var legacyDirectory = new Option<string?>("-o") { Description = "Deprecated: use --output-dir", Hidden = true };
        var force = new Option<bool>("--force") { Description = "Overwrite manifests that already exist in the directory with other content" };
        var command = new Command("export", "Write one manifest per existing mapping (defaults left out); plan then shows only adopt, apply only tags");
        target.AddTo(command);
        command.Options.Add(function);
        command.Options.Add(source);
        command.Options.Add(directory);
        command.Options.Add(legacyDirectory);
        command.Options.Add(force);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var run = services.For(parseResult);
            var console = run.Console;
            if (target.ReadOrReport(parseResult, console) is not { } scope) return ExitCodes.Error;
            var dir = parseResult.GetValue(directory);
            if (parseResult.GetValue(legacyDirectory) is { } legacy)
            {
                await console.Error.WriteLineAsync("note: -o is deprecated for export (it is the output format in plan and validate); use --output-dir");
                dir ??= legacy;
            }
            if (string.IsNullOrWhiteSpace(dir))
            {
                await console.Error.WriteLineAsync("error: export needs --output-dir DIR, the directory to write the manifests to. See 'esmctl export --help'.");
                return ExitCodes.Error;
            }
            if (File.Exists(dir))
            {
                await console.Error.WriteLineAsync($"error: --output-dir {dir} is a file, not a directory; nothing was written. See 'esmctl export --help'.");
                return ExitCodes.Error;
            }
            var args = new ExportArguments(scope.Target, dir, parseResult.GetValue(function), parseResult.GetValue(source)) { Force = parseResult.GetValue(force) };
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
            IReadOnlyList<(string Path, ExportDirectory.FileOutcome Outcome)> written;
            try
            {
                written = await ExportDirectory.WriteAsync(args.Directory, [.. manifests.Select(m => (m.FileName, m.Yaml))], args.Force, cancellationToken);
            }
            catch (ExportDirectory.RefusedException refused)
            {
                await console.Error.WriteLineAsync($"error: {refused.Message}:");
                foreach (var file in refused.Files) await console.Error.WriteLineAsync($"  {file}");
                return ExitCodes.Error;
            }
            var uuids = manifests.ToDictionary(m => m.FileName, m => m.Uuid, StringComparer.Ordinal);
            foreach (var (path, outcome) in written)
            {
                var note = outcome switch
                {
                    ExportDirectory.FileOutcome.Overwritten => ", overwritten",
                    ExportDirectory.FileOutcome.Unchanged => ", unchanged",
                    _ => "",
                };
                await console.Out.WriteLineAsync($"  {Path.Combine(args.Directory, Path.GetFileName(path))}  ({uuids[Path.GetFileName(path)]}{note})");
            }
            var (directory, again) = (RepeatedOptions.ShellWord(args.Directory), RepeatedOptions.Of(args.Target));
            await console.Out.WriteLineAsync(
                $"Exported {manifests.Count} mapping(s) from {target.Description}. " +
                $"Next: esmctl plan {directory}{again} (mappings no owner manages yet show as adopt, with no field changes), " +
                $"then esmctl apply {directory}{again} to tag them as managed.");
            return ExitCodes.Success;
        });
    }
}

public sealed record ExportArguments(TargetSettings Target, string Directory, string? Function, string? EventSourceArn)
{
    /// <summary>--force: overwrite existing files whose content differs.</summary>
    public bool Force { get; init; }
}
