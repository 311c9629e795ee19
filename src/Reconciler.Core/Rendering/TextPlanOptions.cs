namespace Reconciler.Core.Rendering;

/// <summary>How <see cref="TextPlanRenderer"/> writes. Colour is off unless asked for: output is often a file or a CI log.</summary>
public sealed record TextPlanOptions
{
    public static TextPlanOptions Default { get; } = new();

    /// <summary>ANSI colour: green +, yellow ~, red -, warnings in bold yellow.</summary>
    public bool UseColor { get; init; }
}
