using System.Text.Json.Nodes;

namespace Reconciler.Emulator.Wire;

/// <summary>Builds request-shaped JSON objects: members whose value is null are left out, as the wire leaves them out.</summary>
internal static class WireJson
{
    public static JsonObject Object(params (string Name, object? Value)[] members)
    {
        var result = new JsonObject();
        foreach (var (name, value) in members)
        {
            switch (value)
            {
                case null: break;
                case JsonNode node: result[name] = node; break;
                case string text: result[name] = text; break;
                case int number: result[name] = number; break;
                case bool flag: result[name] = flag; break;
                default: throw new ArgumentException($"{name}: no JSON form for {value.GetType().Name}.");
            }
        }
        return result;
    }
}
