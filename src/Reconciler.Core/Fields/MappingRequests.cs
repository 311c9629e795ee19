using System.Text.Json.Nodes;
using Reconciler.Core.Model;

namespace Reconciler.Core.Fields;

/// <summary>
/// The bodies of CreateEventSourceMapping and UpdateEventSourceMapping, as the model names their members, with
/// instants as epoch seconds (rest-json's default). A null member is left out, so Update changes only what it is
/// given; a structure whose members are all null is {}, which is how the API clears one.
/// </summary>
public static class MappingRequests
{
    public static JsonObject Create(MappingConfiguration request, FieldTable? fields = null)
    {
        fields ??= MappingFields.Table;
        return Body(request, fields, fields.Configuration.Where(f => f.InCreate));
    }

    /// <summary>Only the members UpdateEventSourceMappingRequest has: create-only members are never sent, because the
    /// service rejects them (the planner replaces a mapping to change them).</summary>
    public static JsonObject Update(MappingConfiguration request, FieldTable? fields = null)
    {
        fields ??= MappingFields.Table;
        return Body(request, fields, fields.Configuration.Where(f => f.InUpdate));
    }

    private static JsonObject Body(MappingConfiguration request, FieldTable fields, IEnumerable<Field> members)
    {
        var model = MappingJson.Write(request, FieldNames.Wire, fields);
        var body = new JsonObject();
        foreach (var field in members)
        {
            if (model[field.WireName] is { } value) body[field.WireName] = Epoch(value.DeepClone(), field);
        }
        return body;
    }

    private static JsonNode Epoch(JsonNode value, Field field)
    {
        switch (field.Kind, value)
        {
            case (FieldKind.Scalar, JsonValue v) when field.Type == ScalarType.Timestamp && v.TryGetValue<DateTimeOffset>(out var at):
                return JsonValue.Create(EpochSeconds.Of(at));
            case (FieldKind.Structure, JsonObject o):
                foreach (var member in field.Members)
                {
                    if (o[member.WireName] is { } m) o[member.WireName] = Epoch(m.DeepClone(), member);
                }
                return o;
            case (FieldKind.Set or FieldKind.List, JsonArray a):
                return new JsonArray([.. a.Select(item => item is null ? null : Epoch(item.DeepClone(), field.Item!))]);
            case (FieldKind.Map, JsonObject m):
                return new JsonObject(m.Select(e => KeyValuePair.Create(e.Key, e.Value is null ? null : (JsonNode?)Epoch(e.Value.DeepClone(), field.Item!))));
            default:
                return value;
        }
    }
}
