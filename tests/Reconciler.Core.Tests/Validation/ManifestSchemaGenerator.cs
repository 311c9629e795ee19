using System.Net;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Reconciler.Core.Fields;

namespace Reconciler.Core.Tests.Validation;

/// <summary>
/// Generates schemas/eventsourcemapping.v1.schema.json from the Lambda API model, so the schema's types,
/// ranges, enums, patterns and descriptions are the model's. A test asserts the committed file is exactly this
/// output; set ESMCTL_WRITE_SCHEMA=1 and run that test to rewrite the file after the model changes.
/// </summary>
internal static partial class ManifestSchemaGenerator
{
    public const string RequestShape = "CreateEventSourceMappingRequest";

    /// <summary>Field types whose wire form JSON Schema cannot say as the manifest accepts it (the field table says
    /// which members have them): the manifest accepts friendlier forms.</summary>
    private static readonly Dictionary<ScalarType, Func<JsonObject, JsonObject>> Overrides = new()
    {
        // A filter pattern is JSON text on the wire; in a manifest it may be written as a mapping or as that text.
        [ScalarType.JsonText] = generated =>
        {
            generated["type"] = new JsonArray("object", "string");
            generated.Remove("pattern");
            generated["description"] = "A filter pattern: a mapping, or the same pattern as a JSON string (at most 4096 characters). " + generated["description"];
            return generated;
        },
        // A timestamp is epoch seconds on the wire.
        [ScalarType.Timestamp] = generated =>
        {
            generated["type"] = new JsonArray("string", "number");
            // Checked when read (SpecReader), which can say exactly what is wrong with the text.
            generated.Remove("format");
            generated["description"] = "An ISO-8601 date-time with offset (2024-05-01T00:00:00Z) or epoch seconds. " + generated["description"];
            return generated;
        },
    };

    public static string Generate(string serviceModelJson) => Generate(serviceModelJson, MappingFields.Table);

    /// <param name="fields">The field table generated from the same model: it says which members hold JSON text or an instant.</param>
    public static string Generate(string serviceModelJson, FieldTable fields)
    {
        var model = JsonNode.Parse(serviceModelJson)!.AsObject();
        var shapes = model["shapes"]!.AsObject();
        var spec = Shape(shapes, RequestShape, RequestShape, "", fields);
        spec["description"] = "The event source mapping: every member of CreateEventSourceMapping, named in lowerCamelCase.";

        var root = new JsonObject
        {
            ["$schema"] = "http://json-schema.org/draft-07/schema#",
            ["$id"] = "https://esmctl.dev/schemas/eventsourcemapping.v1.schema.json",
            ["title"] = "esmctl EventSourceMapping",
            ["description"] = "One AWS Lambda event source mapping, as esmctl reconciles it. Generated from the Lambda API model (service-2.json); do not edit by hand.",
            ["type"] = "object",
            ["additionalProperties"] = false,
            ["required"] = new JsonArray("apiVersion", "kind", "metadata", "spec"),
            ["properties"] = new JsonObject
            {
                ["apiVersion"] = new JsonObject { ["description"] = "The manifest format version.", ["type"] = "string", ["enum"] = new JsonArray("esmctl/v1") },
                ["kind"] = new JsonObject { ["description"] = "The kind of object this document describes.", ["type"] = "string", ["enum"] = new JsonArray("EventSourceMapping") },
                ["metadata"] = Metadata(),
                ["spec"] = spec,
            },
        };
        var options = new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        return root.ToJsonString(options).Replace("\r\n", "\n") + "\n";
    }

    private static JsonObject Metadata() => new()
    {
        ["description"] = "Who this mapping is to esmctl: its name, and where it lives.",
        ["type"] = "object",
        ["additionalProperties"] = false,
        ["required"] = new JsonArray("name"),
        ["properties"] = new JsonObject
        {
            ["name"] = new JsonObject
            {
                ["description"] = "Unique per account and region; stored in the esmctl:name tag. Lowercase letters, digits and '-', starting and ending with a letter or digit, at most 63 characters (a DNS label, as Kubernetes names).",
                ["type"] = "string",
                ["minLength"] = 1,
                ["maxLength"] = 63,
                ["pattern"] = "^[a-z0-9]([a-z0-9-]*[a-z0-9])?$",
            },
            ["region"] = new JsonObject
            {
                ["description"] = "The AWS region of the mapping; when absent, the target's region. Must agree with the regions in the ARNs.",
                ["type"] = "string",
                ["pattern"] = "^(eusc-)?[a-z]{2}((-gov)|(-iso([a-z]?)))?-[a-z]+-\\d{1}$",
            },
            ["account"] = new JsonObject
            {
                ["description"] = "A guard: esmctl refuses to act on this mapping when the credentials belong to another account. Twelve digits, quoted.",
                ["type"] = "string",
                ["pattern"] = "^\\d{12}$",
            },
        },
    };

    private static JsonObject Shape(JsonObject shapes, string shapeName, string context, string path, FieldTable fields)
    {
        var shape = shapes[shapeName]!.AsObject();
        var result = new JsonObject();
        switch ((string)shape["type"]!)
        {
            case "structure":
                result["type"] = "object";
                result["additionalProperties"] = false;
                var properties = new JsonObject();
                foreach (var (memberName, member) in shape["members"]!.AsObject())
                {
                    var memberShape = (string)member!["shape"]!;
                    var property = new JsonObject();
                    var doc = Describe(member["documentation"]?.GetValue<string>() ?? shapes[memberShape]!["documentation"]?.GetValue<string>());
                    if (doc.Length > 0) property["description"] = doc;
                    var memberPath = path.Length == 0 ? CamelCase(memberName) : path + "." + CamelCase(memberName);
                    foreach (var (key, value) in Shape(shapes, memberShape, shapeName + "." + memberName, memberPath, fields)) property[key] = value?.DeepClone();
                    properties[CamelCase(memberName)] = fields.At(memberPath)?.Type is { } type && Overrides.TryGetValue(type, out var adjust) ? adjust(property) : property;
                }
                result["properties"] = properties;
                if (shape["required"] is JsonArray required)
                {
                    result["required"] = new JsonArray([.. required.Select(r => (JsonNode)CamelCase((string)r!))]);
                }
                break;
            case "list":
                result["type"] = "array";
                result["items"] = Shape(shapes, (string)shape["member"]!["shape"]!, context + "[]", path + "[]", fields);
                CopyRange(shape, result, "minItems", "maxItems");
                break;
            case "map":
                result["type"] = "object";
                var keyShape = shapes[(string)shape["key"]!["shape"]!]!.AsObject();
                var valueSchema = Shape(shapes, (string)shape["value"]!["shape"]!, context + "{}", path + "{}", fields);
                if (keyShape["enum"] is JsonArray keys)
                {
                    // A map with an enumerated key is an object with those optional properties.
                    result["additionalProperties"] = false;
                    result["properties"] = new JsonObject(keys.Select(k => KeyValuePair.Create((string)k!, (JsonNode?)valueSchema.DeepClone())));
                }
                else
                {
                    result["additionalProperties"] = valueSchema;
                    result["propertyNames"] = Shape(shapes, (string)shape["key"]!["shape"]!, context + "{key}", path + "{key}", fields);
                }
                CopyRange(shape, result, "minProperties", "maxProperties");
                break;
            case "string":
                result["type"] = "string";
                CopyRange(shape, result, "minLength", "maxLength");
                if (shape["pattern"] is JsonNode pattern) result["pattern"] = Anchor((string)pattern!);
                if (shape["enum"] is JsonArray values) result["enum"] = values.DeepClone();
                break;
            case "integer" or "long":
                result["type"] = "integer";
                CopyRange(shape, result, "minimum", "maximum");
                break;
            case "boolean":
                result["type"] = "boolean";
                break;
            case "timestamp":
                result["type"] = "string";
                result["format"] = "date-time";
                break;
            default:
                throw new NotSupportedException($"{context}: shape type {shape["type"]} has no JSON Schema mapping");
        }
        return result;
    }

    private static void CopyRange(JsonObject shape, JsonObject result, string minName, string maxName)
    {
        if (shape["min"] is JsonNode min) result[minName] = min.DeepClone();
        if (shape["max"] is JsonNode max) result[maxName] = max.DeepClone();
    }

    /// <summary>The model's patterns are Java regexes that must match the whole value; JSON Schema patterns match
    /// anywhere, so each is wrapped in ^(?:...)$.</summary>
    public static string Anchor(string javaPattern) => "^(?:" + javaPattern + ")$";

    public static string CamelCase(string apiName) => JsonNamingPolicy.CamelCase.ConvertName(apiName);

    /// <summary>The model's documentation is HTML; editors show plain text.</summary>
    public static string Describe(string? html)
    {
        if (string.IsNullOrWhiteSpace(html)) return "";
        var text = Tags().Replace(html, " ");
        text = WebUtility.HtmlDecode(text);
        return Whitespace().Replace(text, " ").Trim();
    }

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex("\\s+")]
    private static partial Regex Whitespace();
}
