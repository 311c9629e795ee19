using System.Text.Json.Serialization;

namespace Reconciler.Core.Rendering.Json;

/// <summary>
/// The machine-readable plan, format version 1 (schemas/plan.v1.schema.json). Its own types, not the domain's,
/// so the domain can change without breaking scripts that read this; property order is declaration order.
/// Errored is true when the manifests' errors stopped the plan: the diagnostics say why and the lists are empty.
/// </summary>
public sealed record PlanDocument
{
    public const string CurrentFormatVersion = "1";

    [JsonPropertyName("formatVersion")] public string FormatVersion { get; init; } = CurrentFormatVersion;
    [JsonPropertyName("errored")] public bool Errored { get; init; }
    [JsonPropertyName("scope")] public ScopeDocument? Scope { get; init; }
    [JsonPropertyName("diagnostics")] public IReadOnlyList<DiagnosticDocument> Diagnostics { get; init; } = [];
    [JsonPropertyName("actions")] public required IReadOnlyList<PlanActionDocument> Actions { get; init; }
    [JsonPropertyName("conflicts")] public IReadOnlyList<LiveMappingDocument> Conflicts { get; init; } = [];
    [JsonPropertyName("orphans")] public required IReadOnlyList<LiveMappingDocument> Orphans { get; init; }
    [JsonPropertyName("unmanaged")] public required IReadOnlyList<LiveMappingDocument> Unmanaged { get; init; }
    [JsonPropertyName("summary")] public required PlanSummaryDocument Summary { get; init; }
}
