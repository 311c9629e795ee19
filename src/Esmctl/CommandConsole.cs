namespace Esmctl;

/// <summary>The streams a command handler writes to and reads from, so handlers are tested without a real console.
/// IsInteractive is true only when both input and output are a terminal: prompts and colour need a person.
/// ErrorIsTerminal: standard error is a terminal too (live progress). ColorForbidden: NO_COLOR is set (no-color.org).</summary>
public sealed record CommandConsole(TextWriter Out, TextWriter Error, TextReader In, bool IsInteractive)
{
    public bool ErrorIsTerminal { get; init; }

    public bool ColorForbidden { get; init; }

    /// <summary>This console with standard output and error that go quiet, instead of throwing, once a write to them
    /// fails (<see cref="QuietOnFailureWriter"/>: a terminal that hung up, a pipe whose reader left). Every command line
    /// runs on it (<see cref="Program.RunAsync"/>).</summary>
    public CommandConsole QuietOnFailure()
    {
        if (Loss is not null) return this;
        var loss = new OutputLoss();
        return this with { Out = QuietOnFailureWriter.Over(Out, loss), Error = QuietOnFailureWriter.Over(Error, loss), Loss = loss };
    }

    /// <summary>Set by <see cref="QuietOnFailure"/>: whether a write to standard output or error failed.</summary>
    public OutputLoss? Loss { get; private init; }

    public static CommandConsole System() => new(
        Console.Out,
        Console.Error,
        Console.In,
        !Console.IsInputRedirected && !Console.IsOutputRedirected)
    {
        ErrorIsTerminal = !Console.IsErrorRedirected,
        ColorForbidden = !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR")),
    };
}
