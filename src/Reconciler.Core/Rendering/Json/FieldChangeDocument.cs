using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Reconciler.Core.Rendering.Json;

/// <summary>One changed field: its spec path and JSON values, null when absent on that side.</summary>
public sealed record FieldChangeDocument
{
    [JsonPropertyName("field")] public required string Field { get; init; }
    [JsonPropertyName("before")] public JsonNode? Before { get; init; }
    [JsonPropertyName("after")] public JsonNode? After { get; init; }
    [JsonPropertyName("forcesReplacement")] public bool ForcesReplacement { get; init; }
}
