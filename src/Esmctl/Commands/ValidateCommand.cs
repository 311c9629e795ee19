using System.CommandLine;
using Esmctl.Output;
using Reconciler.Core.Manifests;

namespace Esmctl.Commands;

/// <summary>`esmctl validate PATH... [--output text|json]`: both validation layers, every problem at once.</summary>
public static class ValidateCommand
{
    public static Command Create(CommandServices services)
    {
        var paths = new Argument<string[]>("path") { Description = "Manifest files or directories", Arity = ArgumentArity.OneOrMore };
        var output = OutputOption.Create("text or json", OutputFormat.Text, OutputFormat.Json);
        var command = new Command("validate", "Check manifests against the schema and the API's rules") { paths, output };
        command.SetAction(parseResult => Run(
            parseResult.GetValue(paths) ?? [],
            parseResult.GetValue(output) ?? "text",
            services.Time,
            parseResult.InvocationConfiguration.Output));
        return command;
    }

    /// <summary>The testable handler: loads, prints, and returns the exit code.</summary>
    public static int Run(IReadOnlyList<string> paths, string format, TimeProvider clock, TextWriter output)
    {
        var set = ManifestLoader.Load(paths, clock);
        if (format == "json") DiagnosticsPrinter.JsonReport(set, output);
        else DiagnosticsPrinter.Text(set, output);
        return set.HasErrors ? ExitCodes.Error : ExitCodes.Success;
    }
}
