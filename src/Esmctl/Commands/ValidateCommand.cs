using System.CommandLine;
using Esmctl.Output;
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
        var set = ManifestLoader.Load(paths, clock);
        if (format == "json") DiagnosticsPrinter.JsonReport(set, output);
        else DiagnosticsPrinter.Text(set, output, annotate: format == "github");
        return set.HasErrors ? ExitCodes.Error : ExitCodes.Success;
    }
}
