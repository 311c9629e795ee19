using System.Text;
using System.Text.Json.Nodes;

namespace Esmctl.Tests.Help;

/// <summary>Generates docs/reference/manifest.md from schemas/eventsourcemapping.v1.schema.json: one row per field,
/// with its type, whether it is required, its constraints and the description the schema carries from the API model.</summary>
public static class ManifestReference
{
    public static string Generate(string schemaJson)
    {
        var schema = JsonNode.Parse(schemaJson)!.AsObject();
        var text = new StringBuilder();
        text.Append("# Manifest reference\n\n");
        text.Append("<!-- Generated from schemas/eventsourcemapping.v1.schema.json by tests/Esmctl.Tests/Help/ManifestReference.cs;\n");
        text.Append("     do not edit: run the tests with UPDATE=1 to regenerate. -->\n\n");
        text.Append(Escape(schema["description"]?.GetValue<string>() ?? "")).Append("\n\n");
        text.Append("Each YAML document in a manifest file is one mapping. Point your editor at the schema for completion and\n");
        text.Append("checks as you type, with this first line (the path relative to the manifest):\n\n");
        text.Append("```yaml\n# yaml-language-server: $schema=../schemas/eventsourcemapping.v1.schema.json\n```\n\n");
        text.Append("`esmctl validate` applies the same schema and, beyond it, the API's rules that a schema cannot express\n");
        text.Append("(which fields each source type accepts, batch size limits per source, and so on).\n\n");

        var sections = new List<(string Title, string Path, JsonObject Node)>
        {
            ("Document", "", schema),
        };
        foreach (var (name, node) in Properties(schema))
        {
            if (node["properties"] is not null) sections.Add(($"`{name}`", name, node));
        }
        foreach (var (title, path, node) in sections)
        {
            text.Append("## ").Append(title).Append("\n\n");
            if (path.Length > 0 && node["description"] is { } description)
                text.Append(Escape(description.GetValue<string>())).Append("\n\n");
            text.Append("| Field | Type | Required | Description |\n|---|---|---|---|\n");
            var rows = new List<string>();
            Rows(node, path, rows, descend: path.Length > 0);
            foreach (var row in rows) text.Append(row).Append('\n');
            text.Append('\n');
        }
        return text.ToString();
    }

    private static void Rows(JsonObject node, string prefix, List<string> rows, bool descend)
    {
        var required = (node["required"] as JsonArray)?.Select(r => r!.GetValue<string>()).ToHashSet() ?? [];
        foreach (var (name, child) in Properties(node))
        {
            var path = prefix.Length == 0 ? name : $"{prefix}.{name}";
            var details = Constraints(child);
            var description = Escape(child["description"]?.GetValue<string>() ?? "");
            rows.Add($"| `{path}` | {Type(child)} | {(required.Contains(name) ? "yes" : "")} | {description}{(details.Length == 0 ? "" : $" <br>*{details}*")} |");
            if (!descend) continue;
            if (child["properties"] is not null) Rows(child, path, rows, descend);
            if (child["items"] is JsonObject items && items["properties"] is not null) Rows(items, path + "[]", rows, descend);
            if (child["additionalProperties"] is JsonObject values && values["properties"] is not null) Rows(values, path + ".<key>", rows, descend);
        }
    }

    private static IEnumerable<(string Name, JsonObject Node)> Properties(JsonObject node) =>
        node["properties"] is JsonObject properties
            ? properties.Select(p => (p.Key, p.Value!.AsObject()))
            : [];

    private static string Type(JsonObject node)
    {
        var type = node["type"] switch
        {
            JsonArray types => string.Join(" or ", types.Select(t => t!.GetValue<string>())),
            JsonValue value => value.GetValue<string>(),
            _ => "any",
        };
        if (type == "array" && node["items"] is JsonObject items) return $"array of {Type(items)}";
        if (type == "object" && node["properties"] is null && node["additionalProperties"] is JsonObject values)
            return $"map of {Type(values)}";
        return type;
    }

    private static string Constraints(JsonObject node)
    {
        var parts = new List<string>();
        if (node["enum"] is JsonArray values)
            parts.Add("one of " + string.Join(", ", values.Select(v => $"`{v!.ToJsonString().Trim('"')}`")));
        Range(node, "minimum", "maximum", "", parts);
        Range(node, "minLength", "maxLength", " characters", parts);
        Range(node, "minItems", "maxItems", " items", parts);
        Range(node, "minProperties", "maxProperties", " entries", parts);
        if (node["pattern"] is JsonValue pattern) parts.Add($"pattern `{pattern.GetValue<string>().Replace("|", "\\|", StringComparison.Ordinal)}`");
        if (node["propertyNames"] is JsonObject names)
        {
            var keys = Constraints(names);
            if (keys.Length > 0) parts.Add($"keys: {keys}");
        }
        if (node["items"] is JsonObject items && items["properties"] is null)
        {
            var each = Constraints(items);
            if (each.Length > 0) parts.Add($"each: {each}");
        }
        if (node["additionalProperties"] is JsonObject entries && entries["properties"] is null)
        {
            var each = Constraints(entries);
            if (each.Length > 0) parts.Add($"values: {each}");
        }
        return string.Join("; ", parts);
    }

    private static void Range(JsonObject node, string min, string max, string unit, List<string> parts)
    {
        var low = node[min]?.ToJsonString();
        var high = node[max]?.ToJsonString();
        if (low is not null && high is not null) parts.Add($"{low}–{high}{unit}");
        else if (low is not null) parts.Add($"at least {low}{unit}");
        else if (high is not null) parts.Add($"at most {high}{unit}");
    }

    private static string Escape(string text) =>
        text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\r", "", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);

}
