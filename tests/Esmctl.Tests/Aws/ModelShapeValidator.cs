using System.Text.Json;
using System.Text.RegularExpressions;

namespace Esmctl.Tests.Aws;

/// <summary>
/// Checks a JSON value against a shape of service-2.json the way the service would: member names, JSON kinds,
/// length and range bounds, enums, patterns and required members. Members bound to the URI or headers
/// (location) must not appear in a body. Written from the model alone, so it shares nothing with the client.
/// </summary>
internal static class ModelShapeValidator
{
    public static IReadOnlyList<string> Validate(JsonElement value, string shapeName)
    {
        var problems = new List<string>();
        Check(value, shapeName, "$", problems, topLevel: true);
        return problems;
    }

    private static void Check(JsonElement value, string shapeName, string path, List<string> problems, bool topLevel = false)
    {
        var shape = ReferenceModel.Shapes.GetProperty(shapeName);
        var type = shape.GetProperty("type").GetString();
        if (value.ValueKind == JsonValueKind.Null)
        {
            problems.Add($"{path}: null is never sent for {shapeName}");
            return;
        }
        switch (type)
        {
            case "structure":
                CheckStructure(value, shapeName, shape, path, problems, topLevel);
                break;
            case "list":
                if (!Expect(value, JsonValueKind.Array, path, shapeName, problems)) return;
                CheckCount(value.GetArrayLength(), shape, path, problems);
                var item = shape.GetProperty("member").GetProperty("shape").GetString()!;
                var i = 0;
                foreach (var element in value.EnumerateArray()) Check(element, item, $"{path}[{i++}]", problems);
                break;
            case "map":
                if (!Expect(value, JsonValueKind.Object, path, shapeName, problems)) return;
                CheckCount(value.EnumerateObject().Count(), shape, path, problems);
                var keyShape = shape.GetProperty("key").GetProperty("shape").GetString()!;
                var valueShape = shape.GetProperty("value").GetProperty("shape").GetString()!;
                foreach (var entry in value.EnumerateObject())
                {
                    CheckString(entry.Name, ReferenceModel.Shapes.GetProperty(keyShape), $"{path} key '{entry.Name}'", problems);
                    Check(entry.Value, valueShape, $"{path}.{entry.Name}", problems);
                }
                break;
            case "string":
                if (Expect(value, JsonValueKind.String, path, shapeName, problems)) CheckString(value.GetString()!, shape, path, problems);
                break;
            case "integer" or "long":
                if (!Expect(value, JsonValueKind.Number, path, shapeName, problems)) return;
                if (!value.TryGetInt64(out var number)) problems.Add($"{path}: {value} is not an integer");
                else CheckRange(number, shape, path, problems);
                break;
            case "boolean":
                if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                    problems.Add($"{path}: expected a boolean for {shapeName}, got {value.ValueKind}");
                break;
            case "timestamp":
                // rest-json without timestampFormat: epoch seconds as a JSON number.
                Expect(value, JsonValueKind.Number, path, shapeName, problems);
                break;
            default:
                problems.Add($"{path}: shape type {type} is not handled by this validator");
                break;
        }
    }

    private static void CheckStructure(
        JsonElement value, string shapeName, JsonElement shape, string path, List<string> problems, bool topLevel)
    {
        if (!Expect(value, JsonValueKind.Object, path, shapeName, problems)) return;
        var members = shape.GetProperty("members");
        foreach (var property in value.EnumerateObject())
        {
            if (!members.TryGetProperty(property.Name, out var member))
            {
                problems.Add($"{path}: {shapeName} has no member '{property.Name}'");
                continue;
            }
            if (member.TryGetProperty("location", out var location))
            {
                problems.Add($"{path}: '{property.Name}' belongs in the {location.GetString()}, not the body");
                continue;
            }
            Check(property.Value, member.GetProperty("shape").GetString()!, $"{path}.{property.Name}", problems);
        }
        if (!shape.TryGetProperty("required", out var required)) return;
        foreach (var name in required.EnumerateArray().Select(r => r.GetString()!))
        {
            var bound = members.GetProperty(name).TryGetProperty("location", out _);
            if (!(topLevel && bound) && !value.TryGetProperty(name, out _))
                problems.Add($"{path}: required member '{name}' of {shapeName} is missing");
        }
    }

    private static void CheckString(string text, JsonElement shape, string path, List<string> problems)
    {
        CheckCount(text.Length, shape, path, problems);
        if (shape.TryGetProperty("enum", out var values) && values.EnumerateArray().All(v => v.GetString() != text))
            problems.Add($"{path}: '{text}' is not one of {string.Join(", ", values.EnumerateArray())}");
        // Matched against the whole value, as the service validates (an unanchored "[a-z]*" would accept anything).
        if (shape.TryGetProperty("pattern", out var pattern) && !Regex.IsMatch(text, $"^(?:{pattern.GetString()})$"))
            problems.Add($"{path}: '{text}' does not match {pattern.GetString()}");
    }

    private static void CheckCount(long count, JsonElement shape, string path, List<string> problems) =>
        CheckRange(count, shape, path, problems);

    private static void CheckRange(long number, JsonElement shape, string path, List<string> problems)
    {
        if (shape.TryGetProperty("min", out var min) && number < min.GetInt64()) problems.Add($"{path}: {number} < min {min}");
        if (shape.TryGetProperty("max", out var max) && number > max.GetInt64()) problems.Add($"{path}: {number} > max {max}");
    }

    private static bool Expect(JsonElement value, JsonValueKind kind, string path, string shapeName, List<string> problems)
    {
        if (value.ValueKind == kind) return true;
        problems.Add($"{path}: expected {kind} for {shapeName}, got {value.ValueKind}");
        return false;
    }
}
