using System.CommandLine;
using Esmctl.Commands;

namespace Esmctl;

public static class Program
{
    /// <summary>The composition root of the process: the real console, sockets, clock and randomness.</summary>
    public static Task<int> Main(string[] args) => RunAsync(args, CommandServices.ForProcess());

    /// <summary>
    /// Parses and runs one command line with the services given: what the process does, and what in-process tests call
    /// with the in-process emulator, a manual clock and captured output. Help, version and parse errors go to the
    /// services' console too.
    /// </summary>
    public static async Task<int> RunAsync(string[] args, CommandServices services)
    {
        // A report nobody can read any more (the terminal hung up, the pipe closed) must not replace the run's exit code or
        // crash the process: writes to a broken standard output or error are dropped.
        services = services with { Console = services.Console.QuietOnFailure() };
        var root = BuildRootCommand(services);
        var parseResult = root.Parse(args);
        var debug = services.For(parseResult).Debug;
        var console = services.Console;
        if (UnknownOptions.Check(parseResult) is { } unknown)
        {
            await console.Error.WriteLineAsync($"error: {unknown}");
            return ExitCodes.Error;
        }
        // With no arguments at all, the help is the answer; any other parse error is one line with a hint.
        if (args.Length > 0 && UsageErrors.Describe(parseResult, args) is { } usage)
        {
            await console.Error.WriteLineAsync($"error: {usage}");
            return ExitCodes.Error;
        }
        try
        {
            // ProcessTerminationTimeout null: System.CommandLine does not take over Ctrl-C/SIGTERM (it would end the process
            // two seconds after cancelling). apply handles them itself (InterruptSignals), the daemon's host does too, and
            // every other command ends at once as the runtime does by default.
            var code = await parseResult.InvokeAsync(new InvocationConfiguration
            {
                EnableDefaultExceptionHandler = false,
                Output = console.Out,
                Error = console.Error,
                ProcessTerminationTimeout = null,
            });
            return OutputLostExitCode(code, console);
        }
        catch (Exception e)
        {
            // Only reached by a failure no command handled: one line, and the whole exception only with --debug;
            // either way without what an SDK message may quote from a credentials file or a URL.
            await console.Error.WriteLineAsync(debug
                ? Aws.SecretText.Redact(e.ToString())
                : $"error: unexpected {e.GetType().Name}: {Aws.SecretText.Redact(e.Message)} (run with --debug for details)");
            return ExitCodes.Error;
        }
    }

    /// <summary>A run whose output was lost (the terminal hung up, a full disk under a redirect) did not deliver what it
    /// says it did: a success or "changes present" becomes 129, as after SIGHUP; a failure or a signal's code stays.</summary>
    private static int OutputLostExitCode(int code, CommandConsole console) =>
        console.Loss is { Happened: true } && code is ExitCodes.Success or ExitCodes.Changes ? ExitCodes.HangUp : code;

    /// <summary>The CLI's commands over the given services: every subcommand registers here.</summary>
    public static RootCommand BuildRootCommand(CommandServices services)
    {
        var root = new RootCommand("esmctl: declarative reconciler for AWS Lambda event source mappings");
        root.Options.Add(DebugOption.Create());
        VersionText.ReplaceVersionAction(root);
        HelpExamples.Attach(root);
        root.Subcommands.Add(InitCommand.Create(services));
        root.Subcommands.Add(ValidateCommand.Create(services));
        root.Subcommands.Add(PlanCommand.Create(services));
        root.Subcommands.Add(ApplyCommand.Create(services));
        root.Subcommands.Add(EmulatorCommand.Create(services));
        root.Subcommands.Add(RunCommand.Create(services));
        root.Subcommands.Add(ExportCommand.Create(services));
        root.Subcommands.Add(CompletionCommand.Create());
        root.Subcommands.Add(HealthcheckCommand.Create());
        return root;
    }
}
