using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Reconciler.Core.Normalization;

/// <summary>JSON in one comparable spelling: object keys sorted (ordinal), no whitespace. Array order is kept,
/// because in a filter pattern it is the author's and AWS stores it as given.</summary>
public static class CanonicalJson
{
    // Only the escapes JSON requires, so a canonical pattern reads as its author wrote it (no \u0022 for quotes).
    private static readonly JsonSerializerOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string ToText(JsonNode node) => node.ToJsonString(Compact);

    /// <summary>The canonical text of a JSON document, or the text unchanged if it is not JSON (validation reports that)
    /// or names a key twice in one object (which JsonObject cannot hold; AWS stores the pattern as written).</summary>
    public static string Canonicalize(string json)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(json);
            return node is null ? "null" : ToText(Sorted(node));
        }
        catch (JsonException)
        {
            return json;
        }
        catch (ArgumentException) when (HasDuplicateKey(json))
        {
            return json;
        }
    }

    private static bool HasDuplicateKey(string json)
    {
        using var document = JsonDocument.Parse(json);
        return Duplicates(document.RootElement);

        static bool Duplicates(JsonElement element) => element.ValueKind switch
        {
            JsonValueKind.Object => element.EnumerateObject().GroupBy(p => p.Name, StringComparer.Ordinal).Any(g => g.Count() > 1)
                || element.EnumerateObject().Any(p => Duplicates(p.Value)),
            JsonValueKind.Array => element.EnumerateArray().Any(Duplicates),
            _ => false,
        };
    }

    public static JsonNode Sorted(JsonNode node) => node switch
    {
        JsonObject obj => new JsonObject(obj
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => KeyValuePair.Create(p.Key, p.Value is null ? null : Sorted(p.Value)))),
        JsonArray array => new JsonArray([.. array.Select(item => item is null ? null : Sorted(item))]),
        _ => node.DeepClone(),
    };
}
