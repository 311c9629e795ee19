using System.Text.Json.Nodes;
using Reconciler.Core.Model;

namespace Reconciler.Core.Fields;

/// <summary>
/// A mapping's configuration as JSON and back, field by field from the table: with the model's member names (the
/// shape of request and response bodies) or the manifest's (a spec, a saved plan's requests). Instants are
/// DateTimeOffset values (ISO-8601 text once serialised); request bodies turn them into epoch seconds
/// (<see cref="MappingRequests"/>). Absent members are left out; a structure whose members are all absent is {},
/// an empty list [], exactly as the record holds them.
/// </summary>
public static class MappingJson
{
    public static JsonObject Write(MappingConfiguration configuration, FieldNames names = FieldNames.Wire, FieldTable? fields = null)
    {
        fields ??= MappingFields.Table;
        var model = fields.Binding.Write(configuration, fields.Configuration);
        return names == FieldNames.Wire ? model : Rename(model, fields.Configuration, toManifest: true, strict: false);
    }

    /// <summary>The configuration a JSON form holds. Strict: a member that is not a field, or a value of the wrong kind,
    /// is a <see cref="FieldValueException"/>; otherwise it is ignored (what a server sends that this build does not
    /// know must not stop a read).</summary>
    public static MappingConfiguration Read(JsonObject json, FieldNames names = FieldNames.Wire, FieldTable? fields = null, bool strict = false)
    {
        fields ??= MappingFields.Table;
        var model = names == FieldNames.Wire ? json : Rename(json, fields.Configuration, toManifest: false, strict);
        return (MappingConfiguration)fields.Binding.Read(typeof(MappingConfiguration), model, fields.Configuration, strict);
    }

    /// <summary>One mapping as the service reports it (EventSourceMappingConfiguration, the answer to every read and
    /// write): the configuration members, and the ones only the service has. The response carries no FunctionName
    /// (FunctionArn stands in), no Enabled (State says) and no Tags (ListTags does).</summary>
    public static LiveMapping ReadLive(JsonObject response, FieldTable? fields = null)
    {
        fields ??= MappingFields.Table;
        var configuration = Read(Only(response, fields.Configuration.Where(f => f.InResponse)), FieldNames.Wire, fields);
        var live = (LiveMapping)fields.Binding.Read(typeof(LiveMapping), Only(response, fields.ResponseOnly), fields.ResponseOnly, strict: false);
        return live with
        {
            // A response without these is malformed; empty text keeps the record honest about what it got.
            Uuid = live.Uuid ?? throw new FieldValueException("uuid", "the event source mapping has no UUID"),
            EventSourceMappingArn = live.EventSourceMappingArn ?? "",
            FunctionArn = live.FunctionArn ?? "",
            State = live.State ?? "",
            Configuration = configuration with { FunctionName = live.FunctionArn },
        };
    }

    /// <summary>The same JSON with the other names (wire to manifest or back), member by member.</summary>
    public static JsonObject Rename(JsonObject json, FieldNames to, FieldTable? fields = null, bool strict = false)
    {
        fields ??= MappingFields.Table;
        return Rename(json, fields.Configuration, to == FieldNames.Manifest, strict);
    }

    private static JsonObject Only(JsonObject json, IEnumerable<Field> fields)
    {
        var result = new JsonObject();
        foreach (var field in fields)
        {
            if (json[field.WireName] is { } value) result[field.WireName] = value.DeepClone();
        }
        return result;
    }

    private static JsonObject Rename(JsonObject json, IReadOnlyList<Field> members, bool toManifest, bool strict, string parent = "")
    {
        var result = new JsonObject();
        foreach (var (name, value) in json)
        {
            var field = members.FirstOrDefault(f => (toManifest ? f.WireName : f.ManifestName) == name);
            if (field is null)
            {
                if (strict) throw new FieldValueException(parent.Length == 0 ? name : parent + "." + name, "not a member of an event source mapping");
                continue;
            }
            result[toManifest ? field.ManifestName : field.WireName] = Rename(value, field, toManifest, strict);
        }
        return result;
    }

    private static JsonNode? Rename(JsonNode? value, Field field, bool toManifest, bool strict) => (field.Kind, value) switch
    {
        (FieldKind.Structure, JsonObject o) => Rename(o, field.Members, toManifest, strict, field.Path),
        (FieldKind.Set or FieldKind.List, JsonArray a) => new JsonArray([.. a.Select(item => Rename(item, field.Item!, toManifest, strict))]),
        (FieldKind.Map, JsonObject m) => new JsonObject(m.Select(e => KeyValuePair.Create(e.Key, Rename(e.Value, field.Item!, toManifest, strict)))),
        _ => value?.DeepClone(),
    };
}
