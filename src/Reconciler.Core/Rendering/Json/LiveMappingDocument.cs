using System.Text.Json.Serialization;

namespace Reconciler.Core.Rendering.Json;

/// <summary>An orphan or unmanaged mapping, reported and left alone.</summary>
public sealed record LiveMappingDocument
{
    [JsonPropertyName("uuid")] public required string Uuid { get; init; }
    [JsonPropertyName("functionArn")] public required string FunctionArn { get; init; }
    [JsonPropertyName("eventSourceArn")] public string? EventSourceArn { get; init; }
    [JsonPropertyName("state")] public required string State { get; init; }
    [JsonPropertyName("name")] public string? Name { get; init; }
    [JsonPropertyName("owner")] public string? Owner { get; init; }
}
