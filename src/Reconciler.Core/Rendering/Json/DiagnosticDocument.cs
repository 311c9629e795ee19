using System.Text.Json;
using System.Text.Json.Serialization;
using Reconciler.Core.Diagnostics;

namespace Reconciler.Core.Rendering.Json;

/// <summary>One problem in the manifests, as `plan --output json` and `validate --output json` print it.</summary>
public sealed record DiagnosticDocument
{
    [JsonPropertyName("severity")] public required string Severity { get; init; }
    [JsonPropertyName("file")] public required string File { get; init; }
    [JsonPropertyName("line")] public int Line { get; init; }
    [JsonPropertyName("column")] public int Column { get; init; }
    [JsonPropertyName("field")] public required string Field { get; init; }
    [JsonPropertyName("message")] public required string Message { get; init; }

    public static DiagnosticDocument Of(Diagnostic diagnostic) => new()
    {
        Severity = diagnostic.Severity == Diagnostics.Severity.Error ? "error" : "warning",
        File = diagnostic.Location.File,
        Line = diagnostic.Location.Line,
        Column = diagnostic.Location.Column,
        Field = diagnostic.Field,
        Message = diagnostic.Message,
    };

    /// <summary>The same object inside another JSON body written by hand (the daemon's /status), so a diagnostic has one
    /// JSON shape wherever esmctl prints one.</summary>
    public static void Write(Utf8JsonWriter json, Diagnostic diagnostic) =>
        JsonSerializer.Serialize(json, Of(diagnostic), PlanJsonContext.Default.DiagnosticDocument);
}
