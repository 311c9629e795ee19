using System.Text.Json.Serialization;

namespace Esmctl.Output;

/// <summary>The versioned JSON shape of `esmctl validate --output json`; its own DTOs, never domain types.</summary>
internal sealed record ValidationReportJson(
    [property: JsonPropertyName("formatVersion")] string FormatVersion,
    [property: JsonPropertyName("valid")] bool Valid,
    [property: JsonPropertyName("mappings")] int Mappings,
    [property: JsonPropertyName("files")] int Files,
    [property: JsonPropertyName("diagnostics")] IReadOnlyList<DiagnosticJson> Diagnostics);

internal sealed record DiagnosticJson(
    [property: JsonPropertyName("severity")] string Severity,
    [property: JsonPropertyName("file")] string File,
    [property: JsonPropertyName("line")] int Line,
    [property: JsonPropertyName("column")] int Column,
    [property: JsonPropertyName("field")] string Field,
    [property: JsonPropertyName("message")] string Message);
