using Reconciler.Core.Diagnostics;

namespace Reconciler.Core.Validation;

/// <summary>
/// What a rule found, before it is placed: a manifest turns it into a <see cref="Diagnostic"/> at the YAML node of
/// <c>spec.</c> + <see cref="Field"/>, a create request into a <see cref="RequestProblem"/>.
/// </summary>
/// <param name="Field">The request member in the manifest's spelling, without <c>spec.</c> (<c>batchSize</c>).</param>
/// <param name="AtKey">Point at the field's name rather than its value (a field that may not be used at all).</param>
/// <param name="Within">A place inside the field's value: a path below it (a filter pattern's keys) or a position
/// in its text (a JSON syntax error), so a manifest can point at the exact line and column.</param>
internal sealed record RuleFinding(Severity Severity, string Field, string Message, bool AtKey = false, ValuePlace? Within = null)
{
    /// <summary>The message, naming the place inside the value when there is one (at body.my-key: ...).</summary>
    public string MessageWithPath => Within is { Path.Length: > 0 } inside ? $"at {inside.Path.TrimStart('.')}: {Message}" : Message;
}

/// <summary>A place inside a field's value: <see cref="Path"/> continues the field's path (<c>.body.my-key</c>,
/// <c>[0]</c>) for a value written as YAML; <see cref="Line"/> and <see cref="Column"/> (1-based) are a position in the
/// value's text for a value written as a string.</summary>
internal sealed record ValuePlace(string Path, int Line = 0, int Column = 0)
{
    public bool HasPosition => Line > 0;
}
