using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Reconciler.Core.Diagnostics;
using Reconciler.Core.Fields;
using Reconciler.Core.Model;

namespace Reconciler.Core.Manifests;

/// <summary>
/// Reads a schema-checked document into a <see cref="DesiredMapping"/>, member by member from the field table. The
/// schema has already checked names, types and ranges; what is left here is what the schema cannot say about a
/// value's content: that a timestamp is a real instant. A filter pattern given as a mapping becomes its JSON text;
/// one given as text is kept as written (Validation/FilterRules judges it).
/// </summary>
internal static partial class SpecReader
{
    public static DesiredMapping? Read(ManifestDocument document, DiagnosticBag diagnostics) =>
        Read(document, diagnostics, MappingFields.Table);

    public static DesiredMapping? Read(ManifestDocument document, DiagnosticBag diagnostics, FieldTable fields)
    {
        var metadata = (JObject)document.Json["metadata"]!;
        var spec = (JObject)document.Json["spec"]!;
        var reader = new ValueReader(document.Locator, diagnostics);
        var model = reader.Structure(spec, fields.Configuration, "spec");

        // A field it could not read is reported and left null; the loader skips the rules that read it.
        return new DesiredMapping
        {
            Name = Str(metadata, "name")!,
            Region = Str(metadata, "region"),
            Account = Str(metadata, "account"),
            Spec = MappingJson.Read(model, FieldNames.Wire, fields),
            Location = document.Location,
        };
    }

    private static string? Str(JObject o, string name) => o[name] is JValue { Type: JTokenType.String } v ? (string)v! : null;

    /// <summary>One document's values, as the model's JSON (wire names), with what is wrong in them reported.</summary>
    private sealed class ValueReader(NodeLocator locator, DiagnosticBag diagnostics)
    {
        public JsonObject Structure(JObject source, IReadOnlyList<Field> members, string path)
        {
            var result = new JsonObject();
            foreach (var member in members)
            {
                if (source[member.ManifestName] is not { Type: not JTokenType.Null } token) continue;
                if (Value(token, member, NodeLocator.Child(path, member.ManifestName)) is { } value) result[member.WireName] = value;
            }
            return result;
        }

        private JsonNode? Value(JToken token, Field field, string path)
        {
            switch (field.Kind, token)
            {
                case (FieldKind.Structure, JObject structure):
                    return Structure(structure, field.Members, path);
                case (FieldKind.Set or FieldKind.List, JArray items):
                    var list = new JsonArray();
                    for (var i = 0; i < items.Count; i++)
                    {
                        if (Value(items[i], field.Item!, NodeLocator.Item(path, i)) is { } item) list.Add(item);
                    }
                    return list;
                case (FieldKind.Map, JObject entries):
                    var map = new JsonObject();
                    foreach (var entry in entries.Properties())
                    {
                        if (Value(entry.Value, field.Item!, NodeLocator.Child(path, entry.Name)) is { } value) map[entry.Name] = value;
                    }
                    return map;
                case (FieldKind.Scalar, _):
                    return Scalar(token, field.Type, path);
                default:
                    return null;
            }
        }

        private JsonNode? Scalar(JToken token, ScalarType? type, string path) => (type, token) switch
        {
            (ScalarType.JsonText, JObject mapping) => JsonValue.Create(mapping.ToString(Formatting.None)),
            // Sent exactly as written; whether it is a valid pattern is a request rule (Validation/FilterRules).
            (ScalarType.JsonText, JValue { Type: JTokenType.String } text) => JsonValue.Create((string)text!),
            (ScalarType.Timestamp, _) => ReadTimestamp(token, path) is { } instant ? JsonValue.Create(instant) : null,
            (ScalarType.String, JValue { Type: JTokenType.String } text) => JsonValue.Create((string)text!),
            (ScalarType.Integer, JValue { Type: JTokenType.Integer } number) => JsonValue.Create((int)(long)number),
            (ScalarType.Boolean, JValue { Type: JTokenType.Boolean } flag) => JsonValue.Create((bool)flag),
            _ => null,
        };

        private DateTimeOffset? ReadTimestamp(JToken value, string path)
        {
            var location = locator.Value(path);
            if (value.Type is JTokenType.Integer or JTokenType.Float)
            {
                var seconds = (double)value;
                if (seconds is >= 0 and <= 253402300799) return DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(seconds * 1000));
                diagnostics.Error(location, path, $"{seconds} is not a usable epoch time in seconds");
                return null;
            }
            var text = (string)value!;
            if (IsoDateTime().IsMatch(text)
                && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant))
            {
                return instant.ToUniversalTime();
            }
            diagnostics.Error(location, path, $"`{text}` is not an ISO-8601 date-time with an offset, such as 2024-05-01T00:00:00Z, nor epoch seconds");
            return null;
        }
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex IsoDateTime();
}
