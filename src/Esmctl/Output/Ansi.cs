namespace Esmctl.Output;

/// <summary>The few ANSI sequences the terminal renderers use; each is empty text when colour is off, so a
/// renderer writes the same calls either way and a no-colour run holds no escape byte.</summary>
public sealed record Ansi(bool Enabled)
{
    public string Green(string text) => Wrap("32", text);

    public string Yellow(string text) => Wrap("33", text);

    public string Red(string text) => Wrap("31", text);

    public string Cyan(string text) => Wrap("36", text);

    public string Dim(string text) => Wrap("2", text);

    public string Bold(string text) => Wrap("1", text);

    /// <summary>Back to the start of the previous line and clear it, to redraw a wait in place.</summary>
    public string RewritePreviousLine => Enabled ? "\u001b[1A\r\u001b[2K" : "";

    private string Wrap(string code, string text) => Enabled ? $"\u001b[{code}m{text}\u001b[0m" : text;
}
