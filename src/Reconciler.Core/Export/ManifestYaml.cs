using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Reconciler.Core.Fields;
using Reconciler.Core.Model;
using YamlDotNet.Serialization;

namespace Reconciler.Core.Export;

/// <summary>
/// Writes one EventSourceMapping manifest: the schema modeline, apiVersion, kind, metadata and spec. Spec members are
/// named and ordered by the field table (the function first, then the API model's order, tags last); absent and empty
/// values are left out; filter patterns are YAML mappings rather than JSON text, as people write them.
/// </summary>
public static class ManifestYaml
{
    /// <summary>The same modeline init's templates and the docs use: the schema of the repository the manifest is in,
    /// relative to a folder of manifests beside schemas/ (as init lays a repository out).</summary>
    public const string SchemaModeline = "# yaml-language-server: $schema=../schemas/eventsourcemapping.v1.schema.json";

    private static readonly ISerializer Serializer = new SerializerBuilder()
        .WithQuotingNecessaryStrings()
        .WithIndentedSequences()
        .Build();

    public static string Write(string name, string? region, string? account, MappingConfiguration spec, string? comment = null) =>
        Write(name, region, account, spec, comment, MappingFields.Table);

    public static string Write(string name, string? region, string? account, MappingConfiguration spec, string? comment, FieldTable fields)
    {
        var metadata = new Dictionary<string, object?> { ["name"] = name };
        if (region is not null) metadata["region"] = region;
        if (account is not null) metadata["account"] = account;
        var document = new Dictionary<string, object?>
        {
            ["apiVersion"] = "esmctl/v1",
            ["kind"] = "EventSourceMapping",
            ["metadata"] = metadata,
            ["spec"] = Spec(spec, fields),
        };
        var header = SchemaModeline + "\n" + (comment is null ? "" : $"# {comment}\n");
        return header + Serializer.Serialize(document).Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    private static Dictionary<string, object?> Spec(MappingConfiguration c, FieldTable fields)
    {
        var model = MappingJson.Write(c, FieldNames.Wire, fields);
        var spec = new Dictionary<string, object?>();
        var ordered = fields.Configuration
            .OrderBy(f => f.Comparison switch { FieldComparison.FunctionArn => 0, FieldComparison.Tags => 2, _ => 1 });
        foreach (var field in ordered)
        {
            if (Yaml(model[field.WireName], field) is { } value) spec[field.ManifestName] = value;
        }
        return spec;
    }

    /// <summary>A value as plain YAML values (mappings, sequences, scalars), or null when it is absent or empty.</summary>
    private static object? Yaml(JsonNode? node, Field field)
    {
        switch (field.Kind, node)
        {
            case (_, null):
                return null;
            case (FieldKind.Structure, JsonObject structure):
                var members = new Dictionary<string, object?>();
                foreach (var member in field.Members)
                {
                    if (Yaml(structure[member.WireName], member) is { } value) members[member.ManifestName] = value;
                }
                return members.Count == 0 ? null : members;
            case (FieldKind.Set or FieldKind.List, JsonArray items):
                var list = items.Select(item => Yaml(item, field.Item!)).Where(item => item is not null).ToList();
                return list.Count == 0 ? null : list;
            case (FieldKind.Map, JsonObject map):
                var entries = map.OrderBy(e => e.Key, StringComparer.Ordinal)
                    .Select(e => (e.Key, Value: Yaml(e.Value, field.Item!)))
                    .Where(e => e.Value is not null)
                    .ToDictionary(e => e.Key, e => e.Value);
                return entries.Count == 0 ? null : entries;
            case (FieldKind.Scalar, JsonValue value):
                return field.Type switch
                {
                    ScalarType.String => value.GetValue<string>() is { Length: > 0 } text ? text : null,
                    ScalarType.JsonText => Pattern(value.GetValue<string>()),
                    ScalarType.Timestamp => value.GetValue<DateTimeOffset>().ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
                    _ => FromJson(value),
                };
            default:
                return null;
        }
    }

    /// <summary>A filter pattern as the YAML mapping people write; text that is not JSON, or JSON a YAML mapping cannot
    /// hold as it stands (a key written twice: System.Text.Json refuses it only when the object is first walked),
    /// stays the live text, so the manifest says exactly what the service holds.</summary>
    private static object? Pattern(string text)
    {
        try
        {
            return FromJson(JsonNode.Parse(text));
        }
        catch (Exception e) when (e is JsonException or ArgumentException)
        {
            return text;
        }
    }

    private static object? FromJson(JsonNode? node) => node switch
    {
        null => null,
        JsonObject o => o.ToDictionary(p => p.Key, p => FromJson(p.Value)),
        JsonArray a => a.Select(FromJson).ToList(),
        JsonValue v when v.TryGetValue<bool>(out var b) => b,
        JsonValue v when v.TryGetValue<int>(out var i) => (long)i,
        JsonValue v when v.TryGetValue<long>(out var l) => l,
        JsonValue v when v.TryGetValue<decimal>(out var d) => d,
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        _ => node.ToJsonString(),
    };
}
