using System.Text.Json.Serialization;

namespace Esmctl.Output;

/// <summary>The versioned JSON shape of `esmctl validate --output json`; its own DTOs, never domain types.</summary>
internal sealed record ValidationReportJson(
    [property: JsonPropertyName("formatVersion")] string FormatVersion,
    [property: JsonPropertyName("valid")] bool Valid,
    [property: JsonPropertyName("mappings")] int Mappings,
    [property: JsonPropertyName("files")] int Files,
    [property: JsonPropertyName("diagnostics")] IReadOnlyList<Reconciler.Core.Rendering.Json.DiagnosticDocument> Diagnostics);
