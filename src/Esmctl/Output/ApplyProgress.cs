using Reconciler.Core.Applying;

namespace Esmctl.Output;

/// <summary>Chooses how apply shows progress: live and coloured for a person at a terminal, plain lines on standard
/// error otherwise (CI logs), and never anything on standard output, which stays the plan and the report.</summary>
public static class ApplyProgress
{
    public static IProgress<ApplyEvent> For(CommandConsole console, bool color) =>
        console.IsInteractive && console.ErrorIsTerminal
            ? new TerminalApplyProgress(console.Error, new Ansi(color))
            : new ApplyProgressOutput(console.Error);
}
