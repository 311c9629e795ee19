using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Reconciler.Core.Model;

namespace Reconciler.Core.Fields;

/// <summary>
/// How the C# records hold the fields of a table: <see cref="MappingConfiguration"/> the configuration members,
/// <see cref="LiveMapping"/> the members only the service reports, and the records of Model/Structures.cs the nested
/// ones. A field binds to the property of the same name, ignoring case (the model's KMSKeyArn is KmsKeyArn), and to
/// the constructor parameter of that name for a positional record. A configuration member with no property (one the
/// model gained after the record was written) travels in <see cref="MappingConfiguration.OtherMembers"/>.
/// Records are read into, and built from, the model's JSON: wire member names, instants as DateTimeOffset values.
/// Built once per table, then only read, so concurrent plans share it.
/// </summary>
internal sealed class RecordBinding
{
    private readonly Dictionary<Type, Container> _containers = [];
    /// <summary>The property that holds each field, per record type (a Kafka config record holds the fields of two shapes).</summary>
    private readonly Dictionary<(Type, Field), PropertyInfo?> _properties = new(new FieldOfType());
    private readonly bool _built;

    public RecordBinding(FieldTable table)
    {
        Bind(typeof(MappingConfiguration), table.Configuration);
        Bind(typeof(LiveMapping), table.ResponseOnly);
        _built = true;
    }

    /// <summary>The fields of <paramref name="fields"/> that no property of <paramref name="type"/> holds.</summary>
    public IEnumerable<Field> Unbound(Type type, IEnumerable<Field> fields) =>
        fields.Where(f => !ContainerOf(type).Properties.ContainsKey(f.WireName));

    public JsonObject Write(object record, IEnumerable<Field> fields)
    {
        var result = new JsonObject();
        foreach (var field in fields)
        {
            if (ToNode(Get(record, field), field) is { } node) result[field.WireName] = node;
        }
        return result;
    }

    /// <summary>A record of <paramref name="type"/> from the model's JSON. Members that are not fields are an error when
    /// strict and ignored otherwise; so are values of the wrong JSON kind.</summary>
    public object Read(Type type, JsonObject json, IReadOnlyList<Field> fields, bool strict, string parent = "")
    {
        var values = new Dictionary<string, object?>(json.Count, StringComparer.OrdinalIgnoreCase);
        foreach (var (name, node) in json)
        {
            var field = Named(fields, name);
            if (field is null)
            {
                if (strict) throw new FieldValueException(parent.Length == 0 ? name : parent + "." + name, "not a member of an event source mapping");
                continue;
            }
            var container = ContainerOf(type);
            var clr = container.Properties.GetValueOrDefault(field.WireName)?.PropertyType;
            values[field.WireName] = clr is null ? Checked(node, field, strict) : FromNode(node, field, clr, strict);
        }
        return Create(type, values);
    }

    /// <summary>The field of this name: a loop, not LINQ, since every member of every record read comes through here.</summary>
    private static Field? Named(IReadOnlyList<Field> fields, string wireName)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            if (fields[i].WireName == wireName) return fields[i];
        }
        return null;
    }

    public object? Get(object record, Field field)
    {
        var type = record.GetType();
        var property = _properties.TryGetValue((type, field), out var bound) ? bound : ContainerOf(type).Properties.GetValueOrDefault(field.WireName);
        if (property is not null) return property.GetValue(record);
        return ContainerOf(type).Bag?.GetValue(record) is IReadOnlyDictionary<string, JsonNode> others
            ? others.GetValueOrDefault(field.WireName)
            : null;
    }

    private object Create(Type type, Dictionary<string, object?> values)
    {
        var container = ContainerOf(type);
        if (container.Positional is { } constructor)
        {
            var args = container.Parameters.Select(p => values.GetValueOrDefault(p.Name!)).ToArray();
            return constructor.Invoke(args);
        }
        var record = Activator.CreateInstance(type)!;
        Dictionary<string, JsonNode>? others = null; // made for the rare record with members it has no property for
        foreach (var (name, value) in values)
        {
            if (value is null) continue;
            if (container.Properties.TryGetValue(name, out var property)) property.SetValue(record, value);
            else if (value is JsonNode node) (others ??= new Dictionary<string, JsonNode>(StringComparer.Ordinal))[name] = node;
        }
        if (others is not null) container.Bag?.SetValue(record, others);
        return record;
    }

    /// <summary>A value the record holds, as the model's JSON (what <see cref="Write"/> puts under the field's name).</summary>
    internal JsonNode? ToNode(object? value, Field field)
    {
        switch (value)
        {
            case null: return null;
            case JsonNode node: return node.DeepClone();
        }
        switch (field.Kind)
        {
            case FieldKind.Scalar:
                return value switch
                {
                    string s => JsonValue.Create(s),
                    int i => JsonValue.Create(i),
                    long l => JsonValue.Create(l),
                    bool b => JsonValue.Create(b),
                    DateTimeOffset t => JsonValue.Create(t),
                    _ => throw new InvalidOperationException($"{field.Path}: {value.GetType()} is not a {field.Type} value"),
                };
            case FieldKind.Structure:
                return Write(value, field.Members);
            case FieldKind.Set or FieldKind.List:
                return ListNode((IEnumerable)value, field.Item!);
            case FieldKind.Map:
                var map = new JsonObject();
                foreach (var (key, item) in Entries(value))
                {
                    if (ToNode(item, field.Item!) is { } node) map[key] = node;
                }
                return map;
            default:
                throw new InvalidOperationException($"{field.Path}: unknown kind {field.Kind}");
        }
    }

    /// <summary>Apart from <see cref="ToNode"/> so that its per-call frame stays free of the closure a lambda here would
    /// need (every value of every plan passes through ToNode).</summary>
    private JsonArray ListNode(IEnumerable items, Field item)
    {
        var array = new JsonArray();
        foreach (var value in items)
        {
            if (ToNode(value, item) is { } node) array.Add(node);
        }
        return array;
    }

    private object? FromNode(JsonNode? node, Field field, Type clr, bool strict)
    {
        if (node is null) return null;
        var type = Nullable.GetUnderlyingType(clr) ?? clr;
        switch (field.Kind)
        {
            case FieldKind.Scalar:
                return Scalar(node, field) ?? Mismatch(field, Expected(field.Type), strict);
            case FieldKind.Structure:
                return node is JsonObject o ? Read(type, o, field.Members, strict, field.Path) : Mismatch(field, "an object", strict);
            case FieldKind.Set or FieldKind.List:
                if (node is not JsonArray array) return Mismatch(field, "a list", strict);
                var itemType = ElementType(type);
                var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(itemType))!;
                foreach (var item in array)
                {
                    if (FromNode(item, field.Item!, itemType, strict) is { } value) list.Add(value);
                }
                return list;
            case FieldKind.Map:
                if (node is not JsonObject entries) return Mismatch(field, "a mapping", strict);
                var valueType = MapValueType(type);
                // The default comparer of a string key is ordinal already; asking for StringComparer.Ordinal here sent every
                // map through reflection's constructor binder.
                var dictionary = (IDictionary)Activator.CreateInstance(typeof(Dictionary<,>).MakeGenericType(typeof(string), valueType))!;
                foreach (var (key, item) in entries)
                {
                    if (FromNode(item, field.Item!, valueType, strict) is { } value) dictionary[key] = value;
                }
                return dictionary;
            default:
                throw new InvalidOperationException($"{field.Path}: unknown kind {field.Kind}");
        }
    }

    /// <summary>A member with no property is kept as the model's JSON, once it is known to have the field's shape:
    /// values of the wrong kind are left out (or an error, when strict), instants become DateTimeOffset values.</summary>
    private JsonNode? Checked(JsonNode? node, Field field, bool strict)
    {
        switch (field.Kind, node)
        {
            case (_, null):
                return null;
            case (FieldKind.Scalar, _):
                return Scalar(node, field) is { } value ? ToNode(value, field) : (JsonNode?)Mismatch(field, Expected(field.Type), strict);
            case (FieldKind.Structure, JsonObject structure):
                var result = new JsonObject();
                foreach (var (name, member) in structure)
                {
                    var memberField = field.Members.FirstOrDefault(m => m.WireName == name);
                    if (memberField is null)
                    {
                        if (strict) throw new FieldValueException(field.Path + "." + name, "not a member of an event source mapping");
                        continue;
                    }
                    if (Checked(member, memberField, strict) is { } checkedMember) result[name] = checkedMember;
                }
                return result;
            case (FieldKind.Set or FieldKind.List, JsonArray items):
                return new JsonArray([.. items.Select(item => Checked(item, field.Item!, strict)).Where(item => item is not null)]);
            case (FieldKind.Map, JsonObject entries):
                return new JsonObject(entries.Select(e => KeyValuePair.Create(e.Key, Checked(e.Value, field.Item!, strict))).Where(e => e.Value is not null));
            default:
                return (JsonNode?)Mismatch(field, field.Kind is FieldKind.Structure or FieldKind.Map ? "an object" : "a list", strict);
        }
    }

    private static object? Scalar(JsonNode node, Field field)
    {
        if (node is not JsonValue value) return null;
        var kind = value.GetValueKind();
        return field.Type switch
        {
            ScalarType.String or ScalarType.JsonText when kind == JsonValueKind.String => value.GetValue<string>(),
            ScalarType.Integer when kind == JsonValueKind.Number => Integer(value),
            ScalarType.Boolean when kind is JsonValueKind.True or JsonValueKind.False => kind == JsonValueKind.True,
            ScalarType.Timestamp => Instant(value, kind),
            _ => null,
        };
    }

    private static int? Integer(JsonValue value)
    {
        if (value.TryGetValue<int>(out var i)) return i;
        if (value.TryGetValue<long>(out var l) && l is >= int.MinValue and <= int.MaxValue) return (int)l;
        if (value.TryGetValue<JsonElement>(out var e) && e.TryGetInt32(out var fromElement)) return fromElement;
        return null;
    }

    /// <summary>An instant as the model tree holds it, as epoch seconds (the wire), or as ISO-8601 text (saved plans,
    /// and what some emulators send).</summary>
    private static DateTimeOffset? Instant(JsonValue value, JsonValueKind kind)
    {
        if (value.TryGetValue<DateTimeOffset>(out var instant)) return instant;
        if (kind == JsonValueKind.Number && value.TryGetValue<double>(out var seconds)) return EpochSeconds.ToInstant(seconds);
        if (kind == JsonValueKind.String
            && DateTimeOffset.TryParse(value.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            return parsed;
        }
        return null;
    }

    private static string Expected(ScalarType? type) => type switch
    {
        ScalarType.Integer => "an integer",
        ScalarType.Boolean => "true or false",
        ScalarType.Timestamp => "an instant (ISO-8601 text or epoch seconds)",
        _ => "a string",
    };

    private static object? Mismatch(Field field, string expected, bool strict) =>
        strict ? throw new FieldValueException(field.Path, $"expected {expected}") : null;

    private static IEnumerable<(string Key, object? Value)> Entries(object map)
    {
        if (map is IDictionary dictionary)
        {
            foreach (DictionaryEntry entry in dictionary) yield return ((string)entry.Key, entry.Value);
            yield break;
        }
        foreach (var entry in (IEnumerable)map)
        {
            var type = entry!.GetType();
            yield return ((string)type.GetProperty("Key")!.GetValue(entry)!, type.GetProperty("Value")!.GetValue(entry));
        }
    }

    private void Bind(Type type, IEnumerable<Field> fields)
    {
        var container = ContainerOf(type);
        foreach (var field in fields)
        {
            var property = container.Properties.GetValueOrDefault(field.WireName);
            _properties[(type, field)] = property;
            if (property is not null) BindValue(property.PropertyType, field);
        }
    }

    private void BindValue(Type clr, Field field)
    {
        var type = Nullable.GetUnderlyingType(clr) ?? clr;
        switch (field.Kind)
        {
            case FieldKind.Structure:
                Bind(type, field.Members);
                break;
            case FieldKind.Set or FieldKind.List:
                BindValue(ElementType(type), field.Item!);
                break;
            case FieldKind.Map:
                BindValue(MapValueType(type), field.Item!);
                break;
        }
    }

    private Container ContainerOf(Type type)
    {
        if (_containers.TryGetValue(type, out var known)) return known;
        if (_built) throw new InvalidOperationException($"{type} holds no fields of this table");
        var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.GetIndexParameters().Length == 0)
            .ToDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);
        var positional = type.GetConstructor(Type.EmptyTypes) is null
            ? type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).FirstOrDefault()
            : null;
        var container = new Container(
            positional,
            positional?.GetParameters() ?? [],
            properties,
            type == typeof(MappingConfiguration) ? properties[nameof(MappingConfiguration.OtherMembers)] : null);
        properties.Remove(nameof(MappingConfiguration.OtherMembers));
        _containers[type] = container;
        return container;
    }

    private static Type ElementType(Type type) =>
        type.IsArray ? type.GetElementType()!
        : type.IsGenericType && type.GetGenericArguments().Length == 1 ? type.GetGenericArguments()[0]
        : typeof(object);

    private static Type MapValueType(Type type) =>
        type.IsGenericType && type.GetGenericArguments().Length == 2 ? type.GetGenericArguments()[1] : typeof(object);

    /// <summary>Fields by reference: two rows never stand for the same member, whatever their contents.</summary>
    private sealed class FieldOfType : IEqualityComparer<(Type Type, Field Field)>
    {
        public bool Equals((Type Type, Field Field) x, (Type Type, Field Field) y) => x.Type == y.Type && ReferenceEquals(x.Field, y.Field);

        public int GetHashCode((Type Type, Field Field) key) => HashCode.Combine(key.Type, System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(key.Field));
    }

    private sealed record Container(
        ConstructorInfo? Positional, ParameterInfo[] Parameters, Dictionary<string, PropertyInfo> Properties, PropertyInfo? Bag);
}
