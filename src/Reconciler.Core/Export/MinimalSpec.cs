using System.Text.Json.Nodes;
using Reconciler.Core.Fields;
using Reconciler.Core.Model;

namespace Reconciler.Core.Export;

/// <summary>
/// A live mapping's configuration as the shortest spec that plans to no change: members equal to their documented
/// default for the source kind (the field table's, the same the planner fills) are left out, enabled is read from
/// State (false is written, true is the default), the function is named as in the account when it lives in the
/// target's account and region, and esmctl's own tags are dropped (adoption writes them). Create-only members are
/// always written, even at their default: they say what the mapping is. Inside a structure whose defaults apply only
/// once it is given (provisioned mode), defaults are left out only while something else keeps it given.
/// </summary>
public static class MinimalSpec
{
    public static MappingConfiguration Of(LiveMapping live, IReadOnlyDictionary<string, string> tags, string partition, string region, string account) =>
        Of(live, tags, partition, region, account, MappingFields.Table);

    public static MappingConfiguration Of(
        LiveMapping live, IReadOnlyDictionary<string, string> tags, string partition, string region, string account, FieldTable fields)
    {
        var kind = EventSource.KindOf(live.Configuration);
        // esmctl's keys in any case or padding are an owner's claim (Ownership.OwnerOf), never a user tag a manifest may declare.
        var userTags = tags.Where(t => !t.Key.TrimStart().StartsWith("esmctl:", StringComparison.OrdinalIgnoreCase))
            .ToDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal);
        var configuration = live.Configuration with
        {
            FunctionName = FunctionNameIn(live.FunctionArn, partition, region, account),
            // The response has no Enabled: State is where a paused mapping says so.
            Enabled = MappingStates.IsEnabled(live.State),
            Tags = userTags.Count == 0 ? null : userTags,
        };
        var model = MappingJson.Write(configuration, FieldNames.Wire, fields);
        foreach (var field in fields.Configuration) LeaveOutDefaults(model, field, kind);
        return MappingJson.Read(model, FieldNames.Wire, fields);
    }

    /// <summary>name[:qualifier] when the function is in the target's account and region, else the full ARN.</summary>
    public static string FunctionNameIn(string functionArn, string partition, string region, string account)
    {
        var prefix = $"arn:{partition}:lambda:{region}:{account}:function:";
        return functionArn.StartsWith(prefix, StringComparison.Ordinal) ? functionArn[prefix.Length..] : functionArn;
    }

    private static void LeaveOutDefaults(JsonObject holder, Field field, SourceKind kind)
    {
        if (field.CreateOnly || field.Comparison != FieldComparison.Value || holder[field.WireName] is not { } value) return;
        if (field.Kind == FieldKind.Structure && value is JsonObject structure)
        {
            var defaulted = field.Members.Where(m => IsDefault(structure, m, kind)).ToList();
            if (field.DefaultsOnlyWhenGiven && defaulted.Count == structure.Count) return;
            foreach (var member in field.Members) LeaveOutDefaults(structure, member, kind);
            return;
        }
        if (IsDefault(holder, field, kind)) holder.Remove(field.WireName);
    }

    private static bool IsDefault(JsonObject holder, Field field, SourceKind kind) =>
        field.Kind == FieldKind.Scalar && !field.CreateOnly
        && field.DefaultFor(kind) is { } value && JsonNode.DeepEquals(value, holder[field.WireName]);
}
