namespace Esmctl;

/// <summary>The streams a command handler writes to and reads from, so handlers are tested without a real console.
/// IsInteractive is true only when both input and output are a terminal: prompts and colour need a person.
/// ErrorIsTerminal: standard error is a terminal too (live progress). ColorForbidden: NO_COLOR is set (no-color.org).</summary>
public sealed record CommandConsole(TextWriter Out, TextWriter Error, TextReader In, bool IsInteractive)
{
    public bool ErrorIsTerminal { get; init; }

    public bool ColorForbidden { get; init; }

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
