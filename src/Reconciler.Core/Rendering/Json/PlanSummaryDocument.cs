using System.Text.Json.Serialization;

namespace Reconciler.Core.Rendering.Json;

/// <summary>How many actions of each kind the plan holds, and how many conflicts and orphans it leaves unresolved.
/// Pending is what --detailed-exitcode reports as 2: an action that makes calls, a conflict or an orphan.</summary>
public sealed record PlanSummaryDocument
{
    [JsonPropertyName("create")] public int Create { get; init; }
    [JsonPropertyName("update")] public int Update { get; init; }
    [JsonPropertyName("replace")] public int Replace { get; init; }
    [JsonPropertyName("delete")] public int Delete { get; init; }
    [JsonPropertyName("adopt")] public int Adopt { get; init; }
    [JsonPropertyName("noop")] public int Noop { get; init; }
    [JsonPropertyName("conflicts")] public int Conflicts { get; init; }
    [JsonPropertyName("orphans")] public int Orphans { get; init; }
    [JsonPropertyName("pending")] public bool Pending { get; init; }
}
