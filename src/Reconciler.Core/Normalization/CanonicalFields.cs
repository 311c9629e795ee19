using System.Globalization;
using System.Text.Json.Nodes;
using Reconciler.Core.Fields;
using Reconciler.Core.Model;

namespace Reconciler.Core.Normalization;

/// <summary>
/// A mapping configuration flattened into its comparable leaves, field by field from the field table: spec path as
/// written in manifests (scalingConfig.maximumConcurrency) to a canonical JSON value. Absent, empty and echoed-empty
/// values ("", [], {}, {"OnFailure":{}}) have no entry, so they all equal "not given". Sets are sorted and
/// deduplicated; JSON text (filter patterns) is canonical JSON; timestamps are UTC instants at millisecond precision;
/// a map has one leaf per key. Tags are not fields here (they are diffed on their own). Defaults are not filled in:
/// see <see cref="DocumentedDefaults"/>.
/// </summary>
public static class CanonicalFields
{
    public static CanonicalLeaves Of(MappingConfiguration c, string? functionArn) =>
        Of(c, functionArn, MappingFields.Table);

    /// <param name="functionArn">The function as the service names it: the manifest's functionName turned into an ARN.</param>
    public static CanonicalLeaves Of(MappingConfiguration c, string? functionArn, FieldTable fields)
    {
        var result = new CanonicalLeaves();
        var binding = fields.Binding;
        // By index: foreach over the read-only list would box its enumerator for every mapping of every plan.
        var configuration = fields.Configuration;
        for (var i = 0; i < configuration.Count; i++)
        {
            var field = configuration[i];
            switch (field.Comparison)
            {
                case FieldComparison.Tags:
                    continue;
                case FieldComparison.FunctionArn:
                    Put(result, field.Path, Text(functionArn));
                    continue;
                default:
                    AddValue(result, field, binding.Get(c, field), binding);
                    continue;
            }
        }
        return result;
    }

    /// <summary>
    /// One field's leaves straight from the value the record holds. Scalars and structures (nearly every field of every
    /// plan) are read without building the model's JSON first; the rest (lists, sets, maps, members kept as JSON) take
    /// the JSON form <see cref="MappingJson"/> writes, so both ways give the same leaves.
    /// </summary>
    private static void AddValue(CanonicalLeaves result, Field field, object? value, RecordBinding binding)
    {
        switch (field.Kind, value)
        {
            case (_, null):
                return;
            case (FieldKind.Scalar, string text):
                Put(result, field.Path, field.Type switch
                {
                    ScalarType.String => Text(text),
                    ScalarType.JsonText => Text(text) is null ? null : JsonValue.Create(CanonicalJson.Canonicalize(text)),
                    _ => Leaf(binding.ToNode(value, field), field),
                });
                return;
            case (FieldKind.Scalar, int number) when field.Type == ScalarType.Integer:
                Put(result, field.Path, JsonValue.Create(number));
                return;
            case (FieldKind.Scalar, bool flag) when field.Type == ScalarType.Boolean:
                Put(result, field.Path, JsonValue.Create(flag));
                return;
            case (FieldKind.Scalar, DateTimeOffset instant) when field.Type == ScalarType.Timestamp:
                Put(result, field.Path, Instant(instant));
                return;
            case (FieldKind.Structure, not JsonNode):
                var members = field.Members;
                for (var i = 0; i < members.Count; i++) AddValue(result, members[i], binding.Get(value, members[i]), binding);
                return;
            default:
                Add(result, field, binding.ToNode(value, field));
                return;
        }
    }

    /// <summary>The top-level spec member a path belongs to (scalingConfig for scalingConfig.maximumConcurrency).</summary>
    public static string MemberOf(string path)
    {
        var dot = path.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? path : path[..dot];
    }

    /// <summary>True when the path is the member's or one of its leaves.</summary>
    public static bool IsUnder(string path, string member) =>
        path.StartsWith(member, StringComparison.Ordinal) && (path.Length == member.Length || path[member.Length] == '.');

    /// <summary>UTC, millisecond precision: the API carries epoch seconds with a fraction, so finer digits do not survive.</summary>
    public static JsonNode? Instant(DateTimeOffset? value) =>
        value is { } v
            ? JsonValue.Create(DateTimeOffset.FromUnixTimeMilliseconds(v.ToUnixTimeMilliseconds())
                .ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture))
            : null;

    private static void Add(CanonicalLeaves result, Field field, JsonNode? value)
    {
        switch (field.Kind, value)
        {
            case (_, null):
                return;
            case (FieldKind.Structure, JsonObject structure):
                foreach (var member in field.Members) Add(result, member, structure[member.WireName]);
                return;
            case (FieldKind.Map, JsonObject map):
                foreach (var (key, entry) in map) Put(result, $"{field.Path}.{key}", Leaf(entry, field.Item!));
                return;
            default:
                Put(result, field.Path, Leaf(value, field));
                return;
        }
    }

    private static void Put(CanonicalLeaves result, string path, JsonNode? value)
    {
        if (value is not null) result[path] = value;
    }

    /// <summary>One comparable value: null when it equals "not given".</summary>
    private static JsonNode? Leaf(JsonNode? value, Field field) => field.Kind switch
    {
        FieldKind.Scalar => Scalar(value, field.Type),
        FieldKind.Set => Set(value as JsonArray, field.Item!),
        FieldKind.List => value is JsonArray { Count: > 0 } list ? List(list, field.Item!) : null,
        _ => Item(value, field),
    };

    private static JsonNode? Scalar(JsonNode? value, ScalarType? type) => type switch
    {
        _ when value is null => null,
        ScalarType.String => Text(value.GetValue<string>()),
        ScalarType.JsonText => Text(value.GetValue<string>()) is null ? null : JsonValue.Create(CanonicalJson.Canonicalize(value.GetValue<string>())),
        ScalarType.Timestamp => Instant(value.GetValue<DateTimeOffset>()),
        _ => value.DeepClone(),
    };

    /// <summary>Apart from <see cref="Leaf"/>, whose every call would otherwise allocate this lambda's closure.</summary>
    private static JsonArray List(JsonArray list, Field item) => new([.. list.Select(value => Item(value, item))]);

    /// <summary>Sorted, without duplicates, empty meaning none: strings by ordinal, objects by their JSON text.</summary>
    private static JsonNode? Set(JsonArray? values, Field item)
    {
        var items = values?.Select(v => Item(v, item)).Where(v => v is not null).Select(v => v!).ToList();
        if (items is null || items.Count == 0) return null;
        var keyed = items.Select(v => (Key: v is JsonValue s && s.TryGetValue<string>(out var text) ? text : v.ToJsonString(), Value: v));
        return new JsonArray([.. keyed
            .DistinctBy(v => v.Key, StringComparer.Ordinal)
            .OrderBy(v => v.Key, StringComparer.Ordinal)
            .Select(v => v.Value)]);
    }

    /// <summary>An item of a set or a map's value as one JSON value. A structure whose only member is JSON text (a filter)
    /// is that text, canonical; any other structure is an object of all its members by manifest name, absent ones null.</summary>
    private static JsonNode? Item(JsonNode? value, Field field)
    {
        if (value is null) return null;
        switch (field.Kind)
        {
            case FieldKind.Scalar:
                return field.Type switch
                {
                    ScalarType.JsonText => JsonValue.Create(CanonicalJson.Canonicalize(value.GetValue<string>())),
                    ScalarType.Timestamp => Instant(value.GetValue<DateTimeOffset>()),
                    _ => value.DeepClone(),
                };
            case FieldKind.Structure when field.Members is [{ Kind: FieldKind.Scalar, Type: ScalarType.JsonText } only]:
                return Item(value[only.WireName], only);
            case FieldKind.Structure:
                return new JsonObject(field.Members.Select(m => KeyValuePair.Create(m.ManifestName, Item(value[m.WireName], m))));
            case FieldKind.Map:
                return new JsonObject(value.AsObject().OrderBy(e => e.Key, StringComparer.Ordinal)
                    .Select(e => KeyValuePair.Create(e.Key, Item(e.Value, field.Item!))));
            default:
                return Leaf(value, field);
        }
    }

    private static JsonNode? Text(string? value) => string.IsNullOrEmpty(value) ? null : JsonValue.Create(value);
}
