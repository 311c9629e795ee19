using System.Text.Json;
using System.Text.RegularExpressions;

namespace Reconciler.Testing;

/// <summary>
/// Checks a JSON document against a shape of the Lambda API model (service-2.json) as rest-json puts it on the wire:
/// member names exist (case-sensitive), required members are present, types match (timestamps are epoch-second
/// numbers unless the shape says otherwise), and string lengths, patterns, enums, integer ranges and list/map sizes
/// hold. Returns every problem as "path: what is wrong", so a test can show them all. Used for the emulator's
/// responses and the client's requests alike, so neither side can agree with the other on a mistake.
/// </summary>
public sealed class ModelShapeChecker
{
    private readonly JsonElement _shapes;
    private readonly Dictionary<string, Regex> _patterns = new(StringComparer.Ordinal);

    public ModelShapeChecker(string modelPath)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(modelPath));
        _shapes = document.RootElement.GetProperty("shapes").Clone();
    }

    public static ModelShapeChecker Lambda() => new(RepositoryPaths.LambdaModel);

    public bool HasShape(string name) => _shapes.TryGetProperty(name, out _);

    /// <summary>Members of a structure that travel in the body (no location), or every member if includeLocated.</summary>
    public IReadOnlyList<string> BodyMembers(string shapeName, bool includeLocated = false) =>
        Shape(shapeName).GetProperty("members").EnumerateObject()
            .Where(m => includeLocated || !m.Value.TryGetProperty("location", out _))
            .Select(m => m.Name).ToList();

    /// <summary>Checks a body against a structure shape; members bound to headers, path or query are not expected in it.
    /// Names in <paramref name="protocolMembers"/> (e.g. "__type" in error bodies) are allowed without being in the model.</summary>
    public IReadOnlyList<string> Check(string shapeName, JsonElement value, params string[] protocolMembers)
    {
        var problems = new List<string>();
        CheckValue(shapeName, value, "$", problems, protocolMembers);
        return problems;
    }

    public IReadOnlyList<string> Check(string shapeName, string json, params string[] protocolMembers)
    {
        using var document = JsonDocument.Parse(json);
        return Check(shapeName, document.RootElement, protocolMembers);
    }

    private JsonElement Shape(string name) =>
        _shapes.TryGetProperty(name, out var shape) ? shape : throw new ArgumentException($"The model has no shape '{name}'.");

    private void CheckValue(string shapeName, JsonElement value, string path, List<string> problems, string[] protocolMembers)
    {
        var shape = Shape(shapeName);
        var type = shape.GetProperty("type").GetString();
        switch (type)
        {
            case "structure":
                CheckStructure(shape, value, path, problems, protocolMembers);
                break;
            case "list":
                if (value.ValueKind != JsonValueKind.Array) { problems.Add($"{path}: expected a list ({shapeName}), got {value.ValueKind}"); return; }
                CheckSize(shape, value.GetArrayLength(), path, "items", problems);
                var itemShape = shape.GetProperty("member").GetProperty("shape").GetString()!;
                var index = 0;
                foreach (var item in value.EnumerateArray()) CheckValue(itemShape, item, $"{path}[{index++}]", problems, []);
                break;
            case "map":
                if (value.ValueKind != JsonValueKind.Object) { problems.Add($"{path}: expected a map ({shapeName}), got {value.ValueKind}"); return; }
                var entries = value.EnumerateObject().ToList();
                CheckSize(shape, entries.Count, path, "entries", problems);
                var keyShape = shape.GetProperty("key").GetProperty("shape").GetString()!;
                var valueShape = shape.GetProperty("value").GetProperty("shape").GetString()!;
                foreach (var entry in entries)
                {
                    CheckString(keyShape, Shape(keyShape), entry.Name, $"{path}<key {entry.Name}>", problems);
                    CheckValue(valueShape, entry.Value, $"{path}.{entry.Name}", problems, []);
                }
                break;
            case "string":
                if (value.ValueKind != JsonValueKind.String) { problems.Add($"{path}: expected a string ({shapeName}), got {value.ValueKind}"); return; }
                CheckString(shapeName, shape, value.GetString()!, path, problems);
                break;
            case "integer" or "long":
                if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out var number))
                {
                    problems.Add($"{path}: expected an integer ({shapeName}), got {value.GetRawText()}");
                    return;
                }
                if (type == "integer" && number is < int.MinValue or > int.MaxValue) problems.Add($"{path}: {number} does not fit a 32-bit integer");
                if (shape.TryGetProperty("min", out var min) && number < min.GetInt64()) problems.Add($"{path}: {number} is below the minimum {min} ({shapeName})");
                if (shape.TryGetProperty("max", out var max) && number > max.GetInt64()) problems.Add($"{path}: {number} is above the maximum {max} ({shapeName})");
                break;
            case "boolean":
                if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False)) problems.Add($"{path}: expected a boolean ({shapeName}), got {value.ValueKind}");
                break;
            case "double" or "float":
                if (value.ValueKind != JsonValueKind.Number) problems.Add($"{path}: expected a number ({shapeName}), got {value.ValueKind}");
                break;
            case "timestamp":
                CheckTimestamp(shape, value, path, problems);
                break;
            case "blob":
                if (value.ValueKind != JsonValueKind.String) problems.Add($"{path}: expected base64 text ({shapeName}), got {value.ValueKind}");
                break;
            default:
                problems.Add($"{path}: the checker does not know model type '{type}' ({shapeName})");
                break;
        }
    }

    private void CheckStructure(JsonElement shape, JsonElement value, string path, List<string> problems, string[] protocolMembers)
    {
        if (value.ValueKind != JsonValueKind.Object) { problems.Add($"{path}: expected a structure, got {value.ValueKind}"); return; }
        var members = shape.GetProperty("members");
        foreach (var property in value.EnumerateObject())
        {
            if (protocolMembers.Contains(property.Name)) continue;
            if (!members.TryGetProperty(property.Name, out var member))
            {
                problems.Add($"{path}.{property.Name}: not a member of the shape (members are {string.Join(", ", members.EnumerateObject().Select(m => m.Name))})");
                continue;
            }
            if (member.TryGetProperty("location", out var location))
            {
                problems.Add($"{path}.{property.Name}: belongs in the {location.GetString()}, not the body");
                continue;
            }
            // JSON null is how a careless writer sends "absent"; AWS never does, and strict clients choke on it.
            if (property.Value.ValueKind == JsonValueKind.Null) { problems.Add($"{path}.{property.Name}: null instead of omitted"); continue; }
            CheckValue(member.GetProperty("shape").GetString()!, property.Value, $"{path}.{property.Name}", problems, []);
        }
        if (shape.TryGetProperty("required", out var required))
        {
            foreach (var name in required.EnumerateArray().Select(r => r.GetString()!))
            {
                var located = members.GetProperty(name).TryGetProperty("location", out _);
                if (!located && !value.TryGetProperty(name, out _)) problems.Add($"{path}.{name}: required member missing");
            }
        }
    }

    private void CheckString(string shapeName, JsonElement shape, string text, string path, List<string> problems)
    {
        if (shape.TryGetProperty("enum", out var values) && !values.EnumerateArray().Any(v => v.GetString() == text))
            problems.Add($"{path}: '{text}' is not one of {string.Join("/", values.EnumerateArray().Select(v => v.GetString()))} ({shapeName})");
        // Lengths are in characters as the model counts them (UTF-16 code units are close enough for these ASCII-ish fields).
        CheckSize(shape, text.Length, path, "characters", problems);
        if (shape.TryGetProperty("pattern", out var pattern) && !Pattern(pattern.GetString()!).IsMatch(text))
            problems.Add($"{path}: '{text}' does not match the pattern of {shapeName}");
    }

    private static void CheckSize(JsonElement shape, long size, string path, string unit, List<string> problems)
    {
        if (shape.TryGetProperty("min", out var min) && size < min.GetInt64()) problems.Add($"{path}: {size} {unit}, fewer than the minimum {min}");
        if (shape.TryGetProperty("max", out var max) && size > max.GetInt64()) problems.Add($"{path}: {size} {unit}, more than the maximum {max}");
    }

    private static void CheckTimestamp(JsonElement shape, JsonElement value, string path, List<string> problems)
    {
        var format = shape.TryGetProperty("timestampFormat", out var f) ? f.GetString() : "unixTimestamp";
        if (format == "unixTimestamp")
        {
            if (value.ValueKind != JsonValueKind.Number) problems.Add($"{path}: expected a timestamp in epoch seconds (a number), got {value.ValueKind}");
        }
        else if (value.ValueKind != JsonValueKind.String || !DateTimeOffset.TryParse(value.GetString(), out _))
        {
            problems.Add($"{path}: expected a {format} timestamp string, got {value.GetRawText()}");
        }
    }

    /// <summary>The model's patterns are Java regular expressions matched against the whole value.</summary>
    private Regex Pattern(string pattern)
    {
        if (!_patterns.TryGetValue(pattern, out var regex))
        {
            regex = new Regex($"^(?:{pattern})$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            _patterns[pattern] = regex;
        }
        return regex;
    }
}
