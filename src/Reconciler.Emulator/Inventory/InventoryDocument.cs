using System.Text.Json;
using System.Text.Json.Nodes;

namespace Reconciler.Emulator.Inventory;

/// <summary>
/// The functions and event sources an emulator run declares (the <c>--resources</c> seed file and the
/// <c>/_emulator/resources</c> admin route both speak it):
/// <code>
/// {
///   "functions": ["orders-handler", {"name": "billing", "versions": ["1", "2"], "aliases": ["live"]}],
///   "queues":   ["arn:aws:sqs:us-east-1:123456789012:orders"],
///   "streams":  ["arn:aws:kinesis:us-east-1:123456789012:stream/clicks", "arn:aws:dynamodb:...:table/t/stream/2026-..."],
///   "clusters": ["arn:aws:kafka:...", "arn:aws:rds:...:cluster:docs"],
///   "brokers":  ["arn:aws:mq:...:broker:name:b-..."]
/// }
/// </code>
/// A function is a name (in the emulator's account and region), a partial ARN or an ARN, without qualifier.
/// </summary>
public sealed record InventoryDocument
{
    public IReadOnlyList<FunctionDeclaration> Functions { get; init; } = [];
    public IReadOnlyList<string> Queues { get; init; } = [];
    public IReadOnlyList<string> Streams { get; init; } = [];
    public IReadOnlyList<string> Clusters { get; init; } = [];
    public IReadOnlyList<string> Brokers { get; init; } = [];

    private static readonly string[] Sections = ["functions", "queues", "streams", "clusters", "brokers"];

    /// <summary>Reads the JSON form; a problem is an <see cref="InventoryFormatException"/> naming the member.</summary>
    public static InventoryDocument Parse(string json, string origin)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json);
        }
        catch (JsonException error)
        {
            throw new InventoryFormatException($"{origin}: not valid JSON: {error.Message}");
        }
        if (root is not JsonObject o) throw new InventoryFormatException($"{origin}: must be a JSON object with {string.Join(", ", Sections)}.");
        foreach (var (name, _) in o)
        {
            if (!Sections.Contains(name))
                throw new InventoryFormatException($"{origin}: unknown member '{name}' (known: {string.Join(", ", Sections)}).");
        }
        return new InventoryDocument
        {
            Functions = Items(o, "functions", origin).Select((node, i) => Function(node, $"{origin}: functions[{i}]")).ToList(),
            Queues = Arns(o, "queues", origin),
            Streams = Arns(o, "streams", origin),
            Clusters = Arns(o, "clusters", origin),
            Brokers = Arns(o, "brokers", origin),
        };
    }

    public JsonObject ToJson() => new()
    {
        ["functions"] = new JsonArray(Functions.Select(f => (JsonNode?)new JsonObject
        {
            ["name"] = f.Name,
            ["versions"] = new JsonArray(f.Versions.Select(v => (JsonNode?)v).ToArray()),
            ["aliases"] = new JsonArray(f.Aliases.Select(a => (JsonNode?)a).ToArray()),
        }).ToArray()),
        ["queues"] = Strings(Queues),
        ["streams"] = Strings(Streams),
        ["clusters"] = Strings(Clusters),
        ["brokers"] = Strings(Brokers),
    };

    private static JsonArray Strings(IEnumerable<string> values) => new(values.Select(v => (JsonNode?)v).ToArray());

    private static IEnumerable<JsonNode?> Items(JsonObject o, string name, string origin) => o[name] switch
    {
        null => [],
        JsonArray list => list,
        _ => throw new InventoryFormatException($"{origin}: {name} must be a list."),
    };

    private static List<string> Arns(JsonObject o, string name, string origin) =>
        Items(o, name, origin).Select((node, i) => node is JsonValue v && v.TryGetValue<string>(out var arn) && arn.StartsWith("arn:", StringComparison.Ordinal)
            ? arn
            : throw new InventoryFormatException($"{origin}: {name}[{i}] must be an ARN string.")).ToList();

    private static FunctionDeclaration Function(JsonNode? node, string where)
    {
        if (node is JsonValue v && v.TryGetValue<string>(out var name)) return new FunctionDeclaration(name, [], []);
        if (node is not JsonObject o || o["name"] is not JsonValue n || !n.TryGetValue<string>(out var declared))
            throw new InventoryFormatException($"{where} must be a function name or {{\"name\": ..., \"versions\": [...], \"aliases\": [...]}}.");
        foreach (var (member, _) in o)
        {
            if (member is not ("name" or "versions" or "aliases"))
                throw new InventoryFormatException($"{where}: unknown member '{member}' (known: name, versions, aliases).");
        }
        return new FunctionDeclaration(declared, Texts(o["versions"], $"{where}.versions"), Texts(o["aliases"], $"{where}.aliases"));
    }

    private static List<string> Texts(JsonNode? node, string where) => node switch
    {
        null => [],
        JsonArray list => list.Select((item, i) => item is JsonValue v && v.TryGetValue<string>(out var text) && text.Length > 0
            ? text
            : throw new InventoryFormatException($"{where}[{i}] must be a non-empty string.")).ToList(),
        _ => throw new InventoryFormatException($"{where} must be a list."),
    };
}
