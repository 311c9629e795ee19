using System.Text.Json.Serialization;

namespace Reconciler.Core.Rendering.Json;

/// <summary>How many actions of each kind the plan holds.</summary>
public sealed record PlanSummaryDocument
{
    [JsonPropertyName("create")] public int Create { get; init; }
    [JsonPropertyName("update")] public int Update { get; init; }
    [JsonPropertyName("replace")] public int Replace { get; init; }
    [JsonPropertyName("delete")] public int Delete { get; init; }
    [JsonPropertyName("adopt")] public int Adopt { get; init; }
    [JsonPropertyName("noop")] public int Noop { get; init; }
}
