using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Reconciler.Core.SavedPlans;

/// <summary>One planned action as saved. The requests are what apply sends; Changes and Warnings are kept so the
/// saved plan can be shown again before it is applied. Fingerprint is set for every action on an existing mapping,
/// NaturalKey for a create.</summary>
public sealed record SavedAction
{
    [JsonPropertyName("name")] public required string Name { get; init; }
    /// <summary>create, update, replace, delete, adopt or noop.</summary>
    [JsonPropertyName("action")] public required string Action { get; init; }
    [JsonPropertyName("uuid")] public string? Uuid { get; init; }
    /// <summary>The requests as <see cref="SavedRequest"/> writes them.</summary>
    [JsonPropertyName("createRequest")] public JsonObject? CreateRequest { get; init; }
    [JsonPropertyName("updateRequest")] public JsonObject? UpdateRequest { get; init; }
    [JsonPropertyName("tagChange")] public SavedTagChange? TagChange { get; init; }
    [JsonPropertyName("fingerprint")] public SavedFingerprint? Fingerprint { get; init; }
    [JsonPropertyName("naturalKey")] public SavedNaturalKey? NaturalKey { get; init; }
    [JsonPropertyName("changes")] public IReadOnlyList<SavedFieldChange> Changes { get; init; } = [];
    [JsonPropertyName("warnings")] public IReadOnlyList<string> Warnings { get; init; } = [];
}

public sealed record SavedTagChange(
    [property: JsonPropertyName("set")] IReadOnlyDictionary<string, string> Set,
    [property: JsonPropertyName("remove")] IReadOnlyList<string> Remove);

/// <summary>The live mapping as the plan saw it. ConfigurationHash covers every compared field and the tags.</summary>
public sealed record SavedFingerprint(
    [property: JsonPropertyName("uuid")] string Uuid,
    [property: JsonPropertyName("lastModified")] DateTimeOffset? LastModified,
    [property: JsonPropertyName("state")] string State,
    [property: JsonPropertyName("configurationHash")] string ConfigurationHash);

/// <summary>What a create must not find already taken: the function ARN, the source, topic and queue.</summary>
public sealed record SavedNaturalKey(
    [property: JsonPropertyName("functionArn")] string FunctionArn,
    [property: JsonPropertyName("eventSourceArn")] string? EventSourceArn,
    [property: JsonPropertyName("source")] string Source,
    [property: JsonPropertyName("topic")] string Topic,
    [property: JsonPropertyName("queue")] string Queue);

public sealed record SavedFieldChange(
    [property: JsonPropertyName("field")] string Field,
    [property: JsonPropertyName("before")] JsonNode? Before,
    [property: JsonPropertyName("after")] JsonNode? After,
    [property: JsonPropertyName("forcesReplacement")] bool ForcesReplacement);
