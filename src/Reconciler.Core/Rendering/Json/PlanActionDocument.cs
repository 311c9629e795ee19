using System.Text.Json.Serialization;

namespace Reconciler.Core.Rendering.Json;

/// <summary>One action: action is create, update, replace, delete, adopt or noop; uuid is null for a create.</summary>
public sealed record PlanActionDocument
{
    [JsonPropertyName("name")] public required string Name { get; init; }
    [JsonPropertyName("action")] public required string Action { get; init; }
    [JsonPropertyName("uuid")] public string? Uuid { get; init; }
    [JsonPropertyName("changes")] public required IReadOnlyList<FieldChangeDocument> Changes { get; init; }
    [JsonPropertyName("warnings")] public required IReadOnlyList<string> Warnings { get; init; }
}
