using System.CommandLine;
using Esmctl.Commands;

namespace Esmctl;

public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var root = BuildRootCommand();
        var parseResult = root.Parse(args);
        var debug = DebugOption.IsSet(parseResult) || DebugOption.FromEnvironment();
        // GuardAsync and the handlers read ESMCTL_DEBUG; --debug is the same switch, set once here for the process.
        if (debug) Environment.SetEnvironmentVariable(DebugOption.EnvironmentVariable, "1");
        if (UnknownOptions.Check(parseResult) is { } unknown)
        {
            await Console.Error.WriteLineAsync($"error: {unknown}");
            return ExitCodes.Error;
        }
        // With no arguments at all, the help is the answer; any other parse error is one line with a hint.
        if (args.Length > 0 && UsageErrors.Describe(parseResult, args) is { } usage)
        {
            await Console.Error.WriteLineAsync($"error: {usage}");
            return ExitCodes.Error;
        }
        try
        {
            // ProcessTerminationTimeout null: System.CommandLine does not take over Ctrl-C/SIGTERM (it would end the process
            // two seconds after cancelling). apply handles them itself (InterruptSignals), the daemon's host does too, and
            // every other command ends at once as the runtime does by default.
            return await parseResult.InvokeAsync(new InvocationConfiguration
            {
                EnableDefaultExceptionHandler = false,
                ProcessTerminationTimeout = null,
            });
        }
        catch (Exception e)
        {
            // Only reached by a failure no command handled: one line, and the whole exception only with --debug;
            // either way without what an SDK message may quote from a credentials file or a URL.
            await Console.Error.WriteLineAsync(debug
                ? Aws.SecretText.Redact(e.ToString())
                : $"error: unexpected {e.GetType().Name}: {Aws.SecretText.Redact(e.Message)} (run with --debug for details)");
            return ExitCodes.Error;
        }
    }

    /// <summary>The composition root of the CLI: every subcommand registers here.</summary>
    public static RootCommand BuildRootCommand()
    {
        var root = new RootCommand("esmctl: declarative reconciler for AWS Lambda event source mappings");
        root.Options.Add(DebugOption.Create());
        VersionText.ReplaceVersionAction(root);
        HelpExamples.Attach(root);
        root.Subcommands.Add(InitCommand.Create());
        root.Subcommands.Add(ValidateCommand.Create());
        root.Subcommands.Add(PlanCommand.Create(TimeProvider.System));
        root.Subcommands.Add(ApplyCommand.Create(TimeProvider.System));
        root.Subcommands.Add(EmulatorCommand.Create());
        root.Subcommands.Add(RunCommand.Create(options => Daemon.ReconcileTick.ForOptions(options, TimeProvider.System)));
        root.Subcommands.Add(ExportCommand.Create(TimeProvider.System));
        root.Subcommands.Add(CompletionCommand.Create());
        root.Subcommands.Add(HealthcheckCommand.Create());
        return root;
    }
}
