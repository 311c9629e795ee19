namespace Reconciler.Core.Rendering;

/// <summary>Wraps text in ANSI SGR codes, or leaves it alone when colour is off.</summary>
internal sealed class AnsiPainter(bool enabled)
{
    private const string Reset = "\u001b[0m";

    public string Bold(string text) => Paint(text, "\u001b[1m");
    public string Green(string text) => Paint(text, "\u001b[32m");
    public string Yellow(string text) => Paint(text, "\u001b[33m");
    public string Red(string text) => Paint(text, "\u001b[31m");
    public string BoldYellow(string text) => Paint(text, "\u001b[1;33m");

    private string Paint(string text, string code) => enabled && text.Length > 0 ? code + text + Reset : text;
}
