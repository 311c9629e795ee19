using System.CommandLine;
using System.CommandLine.Completions;
using Esmctl.Init;

namespace Esmctl.Commands;

/// <summary>`esmctl init [DIR]`: a starter repository (manifests, schema, GitHub workflows) to edit, never over
/// existing files unless --force.</summary>
public static class InitCommand
{
    public static Command Create(CommandServices services)
    {
        var directory = new Argument<string>("dir")
        {
            Description = "The repository folder to write into (created if missing)",
            DefaultValueFactory = _ => ".",
        };
        var sources = new Option<string[]>("--sources")
        {
            Description = $"Source types to write a commented example manifest for, comma-separated: {InitSources.Names}",
            DefaultValueFactory = _ => [InitSources.Default],
            AllowMultipleArgumentsPerToken = true,
        };
        sources.CompletionSources.Add(_ => InitSources.Templates.Keys.Select(name => new CompletionItem(name)));
        var force = new Option<bool>("--force") { Description = "Overwrite files that already exist" };
        var targetsFile = new Option<bool>("--targets-file") { Description = $"Also write a commented {StarterRepository.TargetsFile} naming the accounts and regions to apply to" };
        var command = new Command("init",
            "Write a starter repository: manifests/ with commented examples, the manifest schema, and GitHub workflows " +
            "(plan on pull request, apply on merge, scheduled drift check)")
        {
            directory, sources, force, targetsFile,
        };
        command.SetAction(parseResult => Run(
            new InitArguments(
                parseResult.GetValue(directory) ?? ".",
                parseResult.GetValue(sources) ?? [],
                parseResult.GetValue(force),
                parseResult.GetValue(targetsFile)),
            services.Console));
        return command;
    }

    public static int Run(InitArguments args, CommandConsole console)
    {
        var (known, unknown) = InitSources.Parse(args.Sources);
        if (unknown.Count > 0)
        {
            console.Error.WriteLine($"error: unknown source type {string.Join(", ", unknown.Select(u => $"'{u}'"))}; known: {InitSources.Names}");
            return ExitCodes.Error;
        }
        var root = Path.GetFullPath(args.Directory);
        var files = StarterRepository.Files(known, args.TargetsFile, VersionText.Release(typeof(InitCommand).Assembly));
        var existing = files.Where(f => File.Exists(Target(root, f))).Select(f => f.RelativePath).ToList();
        if (existing.Count > 0 && !args.Force)
        {
            console.Error.WriteLine($"error: {existing.Count} file{(existing.Count == 1 ? "" : "s")} already exist{(existing.Count == 1 ? "s" : "")} in {root}, nothing was written (use --force to overwrite):");
            foreach (var path in existing) console.Error.WriteLine($"  {path}");
            return ExitCodes.Error;
        }
        try
        {
            foreach (var file in files)
            {
                var path = Target(root, file);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllText(path, file.Content);
                console.Out.WriteLine($"{(existing.Contains(file.RelativePath) ? "overwrote" : "created")}  {file.RelativePath}");
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            console.Error.WriteLine($"error: {e.Message}");
            return ExitCodes.Error;
        }
        var manifests = args.Directory == "." ? "manifests" : Path.Combine(args.Directory, "manifests");
        console.Out.WriteLine();
        console.Out.WriteLine("Next steps:");
        console.Out.WriteLine($"  esmctl validate {manifests}");
        console.Out.WriteLine(args.TargetsFile
            ? $"  esmctl plan {manifests}      (against the accounts and regions in {Path.Combine(manifests, "esmctl.yaml")})"
            : $"  esmctl plan {manifests}      (against a local emulator; add --target aws for your account)");
        return ExitCodes.Success;
    }

    private static string Target(string root, ScaffoldFile file) =>
        Path.Combine(root, file.RelativePath.Replace('/', Path.DirectorySeparatorChar));
}

public sealed record InitArguments(string Directory, IReadOnlyList<string> Sources, bool Force, bool TargetsFile);
