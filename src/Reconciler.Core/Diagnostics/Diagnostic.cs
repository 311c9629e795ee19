namespace Reconciler.Core.Diagnostics;

/// <summary>
/// One problem found in the input. Problems are values, collected and reported together; exceptions are
/// for bugs and I/O. <see cref="Field"/> is the path as written in manifests (spec.scalingConfig.maximumConcurrency),
/// empty when the problem concerns the whole file or document.
/// </summary>
public sealed record Diagnostic(Severity Severity, SourceLocation Location, string Field, string Message)
{
    public static Diagnostic Error(SourceLocation location, string field, string message) =>
        new(Severity.Error, location, field, message);

    public static Diagnostic Warning(SourceLocation location, string field, string message) =>
        new(Severity.Warning, location, field, message);

    /// <summary>file:line:col: error: field: message, on one line: control characters a value or key brought in (the
    /// newline a | block ends with, a tab in a quoted key) are shown escaped, as \n and \t.</summary>
    public override string ToString()
    {
        var severity = Severity == Severity.Error ? "error" : "warning";
        return Field.Length == 0
            ? $"{Location}: {severity}: {OneLine(Message)}"
            : $"{Location}: {severity}: {OneLine(Field)}: {OneLine(Message)}";
    }

    private static string OneLine(string text)
    {
        if (!text.Any(char.IsControl)) return text;
        var line = new System.Text.StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            line.Append(c switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when char.IsControl(c) => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }
        return line.ToString();
    }
}
