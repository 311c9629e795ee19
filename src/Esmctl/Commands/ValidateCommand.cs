using System.CommandLine;
using Esmctl.Output;
using Reconciler.Core.Diagnostics;
using Reconciler.Core.Manifests;

namespace Esmctl.Commands;

/// <summary>`esmctl validate PATH... [--output text|json|github]`: both validation layers, every problem at once.</summary>
public static class ValidateCommand
{
    public static Command Create(CommandServices services)
    {
        var paths = new Argument<string[]>("path") { Description = "Manifest files or directories", Arity = ArgumentArity.OneOrMore };
        var output = OutputOption.Create("text, json, or github (GitHub Actions annotations on each problem's file and line)",
            OutputFormat.Text, OutputFormat.Json, OutputFormat.Github);
        var command = new Command("validate", "Check manifests against the schema and the API's rules") { paths, output };
        command.SetAction(parseResult =>
        {
            var format = OutputOption.Parse(parseResult.GetValue(output));
            // In GitHub Actions the text lines are annotations too.
            if (format == OutputFormat.Text && services.InGitHubActions) format = OutputFormat.Github;
            return Run(parseResult.GetValue(paths) ?? [], OutputOption.Name(format), services.Time, parseResult.InvocationConfiguration.Output);
        });
        return command;
    }

    /// <summary>The testable handler: loads, prints, and returns the exit code.</summary>
    public static int Run(IReadOnlyList<string> paths, string format, TimeProvider clock, TextWriter output)
    {
        var set = WithTargetsFile(ManifestLoader.Load(paths, clock), paths);
        if (format == "json") DiagnosticsPrinter.JsonReport(set, output);
        else DiagnosticsPrinter.Text(set, output, annotate: format == "github");
        return set.HasErrors ? ExitCodes.Error : ExitCodes.Success;
    }

    /// <summary>With an esmctl.yaml beside the manifests, what plan would refuse before contacting any target is checked
    /// here too: the file itself, and that each manifest goes to some target (a valid validate, then a plan that refuses
    /// offline, teaches nothing).</summary>
    private static ManifestSet WithTargetsFile(ManifestSet set, IReadOnlyList<string> paths)
    {
        if (Targets.TargetsFile.Find(paths) is not { } file) return set;
        // Its YAML syntax errors are already reported: the loader reads every *.yaml before skipping esmctl.yaml.
        if (set.Diagnostics.Any(d => d.Severity == Severity.Error && d.Location.File == file)) return set;
        var entries = Targets.TargetsFile.Load(file, out var problems);
        IReadOnlyList<Diagnostic> more = problems.Count > 0 || set.HasErrors ? problems : Workflow.MultiTargetWorkflow.Unselected(set, entries);
        if (more.Count == 0) return set;
        return set with
        {
            Mappings = [],
            Diagnostics = [.. set.Diagnostics.Concat(more)
                .OrderBy(d => d.Location.File, StringComparer.Ordinal).ThenBy(d => d.Location.Line).ThenBy(d => d.Location.Column)],
        };
    }
}
