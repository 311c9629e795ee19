using System.CommandLine;
using Esmctl.Completion;

namespace Esmctl.Commands;

/// <summary><c>esmctl completion bash|zsh|fish|pwsh</c>: prints the shell's completion script.</summary>
public static class CompletionCommand
{
    public static Command Create()
    {
        var shell = new Argument<string>("shell") { Description = $"The shell: {string.Join(", ", CompletionScripts.Shells)}" };
        shell.AcceptOnlyFromAmong([.. CompletionScripts.Shells]);
        var command = new Command("completion", "Print the shell completion script (bash: source <(esmctl completion bash))") { shell };
        command.SetAction(parseResult => Run(parseResult.GetValue(shell)!, parseResult.InvocationConfiguration.Output));
        return command;
    }

    public static int Run(string shell, TextWriter output)
    {
        output.Write(CompletionScripts.For(shell));
        return ExitCodes.Success;
    }
}
