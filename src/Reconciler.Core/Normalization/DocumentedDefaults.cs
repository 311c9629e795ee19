using System.Text.Json.Nodes;
using Reconciler.Core.Fields;
using Reconciler.Core.Model;

namespace Reconciler.Core.Normalization;

/// <summary>
/// The defaults the service has for members a request leaves out (the field table's, from the model's documentation
/// and the recorded responses), so that an omitted field and the default AWS reports compare equal and a plan never
/// flaps between "unset" and the default. Filled on both sides of a comparison, each with its own source kind.
/// </summary>
public static class DocumentedDefaults
{
    /// <summary>Adds the default of every leaf that has none yet. Members of a structure whose defaults apply only once it
    /// is given (provisioned mode) are filled only when some member of it is there.</summary>
    public static void Fill(CanonicalLeaves fields, SourceKind kind, FieldTable table)
    {
        // By index: the list is a read-only wrapper whose enumerator would be boxed on every call.
        var defaults = table.DefaultsFor(kind);
        for (var i = 0; i < defaults.Count; i++)
        {
            var (path, value, whenGiven) = defaults[i];
            // A binary search of the few leaves there are, each time: cheaper than remembering the answer per structure.
            if (whenGiven is not null && !fields.AnyUnder(whenGiven)) continue;
            // Shared, not cloned: the table's value is only compared here, and a change built from it clones it.
            fields.TryAdd(path, value);
        }
    }

    /// <summary>True when every leaf under the path has its default value for the kind (the service's own value, not a setting).</summary>
    public static bool AreDefaults(IEnumerable<KeyValuePair<string, JsonNode>> leaves, SourceKind kind, FieldTable table) =>
        leaves.All(leaf => table.At(leaf.Key)?.DefaultFor(kind) is { } value && JsonNode.DeepEquals(value, leaf.Value));
}
