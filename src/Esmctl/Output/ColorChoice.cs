namespace Esmctl.Output;

/// <summary>Colour only for a person at a terminal: never when piped, with --no-color, or when NO_COLOR is set (no-color.org).</summary>
public static class ColorChoice
{
    public static bool Enabled(CommandConsole console, bool noColorFlag) =>
        console.IsInteractive && !noColorFlag && !console.ColorForbidden;
}
