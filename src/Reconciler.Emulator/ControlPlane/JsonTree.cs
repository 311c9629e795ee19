using System.Text.Json;
using System.Text.Json.Nodes;

namespace Reconciler.Emulator.ControlPlane;

/// <summary>
/// The API's "empty value" convention on wire-form JSON: null, "", [] and {} (and a structure holding only such
/// values, e.g. {"OnFailure":{}} or {"Filters":[]}) mean "not set", so a cleared member and one never given look the
/// same, as they do in AWS responses. false and 0 are values, never empty.
/// </summary>
internal static class JsonTree
{
    public static bool IsEmpty(JsonNode? node) => node switch
    {
        null => true,
        JsonObject o => o.All(m => IsEmpty(m.Value)),
        JsonArray a => a.Count == 0,
        JsonValue v => v.GetValueKind() == JsonValueKind.String && v.GetValue<string>().Length == 0,
        _ => false,
    };

    /// <summary>A copy without the members that are empty, at every depth of nested structures (list elements are
    /// kept as they are: an element is data, not a member).</summary>
    public static JsonObject Pruned(JsonObject o)
    {
        var result = new JsonObject();
        foreach (var (name, value) in o)
        {
            if (IsEmpty(value)) continue;
            result[name] = value is JsonObject nested ? Pruned(nested) : value!.DeepClone();
        }
        return result;
    }

    /// <summary>The node at a dotted path of member names, or null.</summary>
    public static JsonNode? At(JsonObject o, string path)
    {
        JsonNode? node = o;
        foreach (var name in path.Split('.'))
        {
            if (node is not JsonObject current) return null;
            node = current[name];
        }
        return node;
    }

    /// <summary>Sets the value at a dotted path, creating the structures on the way.</summary>
    public static void Set(JsonObject o, string path, JsonNode value)
    {
        var names = path.Split('.');
        var current = o;
        foreach (var name in names[..^1])
        {
            if (current[name] is not JsonObject next)
            {
                next = new JsonObject();
                current[name] = next;
            }
            current = next;
        }
        current[names[^1]] = value;
    }

    public static string? Text(JsonObject o, string path) =>
        At(o, path) is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    public static IReadOnlyList<string> Texts(JsonNode? node) =>
        node is JsonArray a ? a.OfType<JsonValue>().Where(v => v.GetValueKind() == JsonValueKind.String).Select(v => v.GetValue<string>()).ToList() : [];
}
