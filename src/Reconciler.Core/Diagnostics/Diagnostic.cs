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

    /// <summary>file:line:col: error: field: message</summary>
    public override string ToString()
    {
        var severity = Severity == Severity.Error ? "error" : "warning";
        return Field.Length == 0
            ? $"{Location}: {severity}: {Message}"
            : $"{Location}: {severity}: {Field}: {Message}";
    }
}
