using System.Text.Json;
using System.Text.Json.Nodes;
using Reconciler.Core.Fields;
using Reconciler.Core.Model;

namespace Esmctl.Aws;

/// <summary>
/// Reads EventSourceMappingConfiguration (and the List and ListTags responses) into domain values, member by member
/// from the field table (<see cref="MappingJson.ReadLive"/>). Members the model does not have, or that a server sends
/// with an unexpected JSON kind, are ignored rather than fatal: emulators and newer service versions send more than
/// this client knows.
/// </summary>
internal static class MappingResponseJson
{
    public static LiveMapping Mapping(JsonElement e)
    {
        if (e.ValueKind != JsonValueKind.Object)
            throw new JsonException("an event source mapping must be a JSON object");
        try
        {
            return MappingJson.ReadLive(JsonObject.Create(e.Clone())!);
        }
        catch (FieldValueException missing)
        {
            throw new JsonException(missing.Message, missing);
        }
    }

    public static (IReadOnlyList<LiveMapping> Mappings, string? NextMarker) Page(JsonElement e)
    {
        var items = Member(e, "EventSourceMappings", JsonValueKind.Array)?.EnumerateArray()
            .Where(i => i.ValueKind == JsonValueKind.Object).Select(Mapping).ToList() ?? [];
        var marker = Member(e, "NextMarker", JsonValueKind.String)?.GetString();
        return (items, string.IsNullOrEmpty(marker) ? null : marker);
    }

    public static IReadOnlyDictionary<string, string> Tags(JsonElement e) =>
        Member(e, "Tags", JsonValueKind.Object) is { } tags
            ? tags.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.String)
                .ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal)
            : new Dictionary<string, string>();

    private static JsonElement? Member(JsonElement e, string name, JsonValueKind kind) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var value) && value.ValueKind == kind ? value : null;
}
