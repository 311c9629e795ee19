namespace Esmctl;

/// <summary>The streams a command handler writes to and reads from, so handlers are tested without a real console.
/// IsInteractive is true only when both input and output are a terminal: prompts and colour need a person.</summary>
public sealed record CommandConsole(TextWriter Out, TextWriter Error, TextReader In, bool IsInteractive)
{
    public static CommandConsole System() => new(
        Console.Out,
        Console.Error,
        Console.In,
        !Console.IsInputRedirected && !Console.IsOutputRedirected);
}
