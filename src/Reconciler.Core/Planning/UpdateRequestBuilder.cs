using System.Text.Json.Nodes;
using Reconciler.Core.Fields;
using Reconciler.Core.Model;
using Reconciler.Core.Normalization;

namespace Reconciler.Core.Planning;

/// <summary>
/// The UpdateEventSourceMapping body for a set of changed top-level members: the desired value where the manifest
/// has one, else the member's clearing value from the field table (omitting a member from Update means "no change",
/// not "remove"). Create-only members inside a structure (a Kafka consumer group ID) are left out: a change of one
/// is a replace, so here it is unchanged.
/// </summary>
public static class UpdateRequestBuilder
{
    public static MappingConfiguration? Build(MappingConfiguration desired, IEnumerable<string> changedMembers) =>
        Build(desired, changedMembers, MappingFields.Table);

    public static MappingConfiguration? Build(MappingConfiguration desired, IEnumerable<string> changedMembers, FieldTable fields)
    {
        var kind = EventSource.KindOf(desired);
        var model = MappingJson.Write(desired, FieldNames.Wire, fields);
        var given = CanonicalFields.Of(desired, desired.FunctionName, fields);
        var request = new JsonObject();
        foreach (var member in changedMembers.Distinct(StringComparer.Ordinal))
        {
            var field = fields.At(member);
            if (field is null || !field.InUpdate)
                throw new ArgumentException($"'{member}' is not an updatable member", nameof(changedMembers));
            request[field.WireName] = given.AnyUnder(member)
                ? Updatable(model[field.WireName]!.DeepClone(), field)
                : Clearing(field, kind);
        }
        if (request.Count == 0) return null;
        var update = DestinationTargets.ForUpdate(MappingJson.Read(request, FieldNames.Wire, fields, strict: true));
        // Update may not carry a VIRTUAL_HOST entry; a change of it is a replace, so here it is unchanged.
        return update.SourceAccessConfigurations is { } access
            ? update with { SourceAccessConfigurations = [.. access.Where(s => s.Type != "VIRTUAL_HOST")] }
            : update;
    }

    private static JsonNode Clearing(Field field, SourceKind kind)
    {
        var clearing = field.Clearing.For(kind);
        return clearing.Kind switch
        {
            ClearingKind.Default when field.DefaultFor(kind) is { } value => value.DeepClone(),
            ClearingKind.Value => clearing.Value!.DeepClone(),
            // The diff sets aside what cannot be cleared, so reaching here is a bug, not a plan.
            _ => throw new InvalidOperationException($"{field.Path} cannot be cleared for {kind}; the diff should have set it aside"),
        };
    }

    private static JsonNode Updatable(JsonNode value, Field field)
    {
        if (field.Kind == FieldKind.Structure && value is JsonObject structure)
        {
            foreach (var member in field.Members)
            {
                if (member.CreateOnly) structure.Remove(member.WireName);
                else if (structure[member.WireName] is { } inner) structure[member.WireName] = Updatable(inner.DeepClone(), member);
            }
        }
        return value;
    }
}
