using Reconciler.Core.Model;
using System.Text.Json.Nodes;

namespace Reconciler.Core.Planning;

/// <summary>
/// Tags of a managed mapping, Terraform-style: every declared tag set, every undeclared one removed, the ownership
/// tags included. Keys under aws: are AWS's own (they cannot be removed by users) and are left alone.
/// </summary>
public static class TagDiff
{
    public const string ReservedPrefix = "aws:";

    // Shared by every unchanged mapping: read-only to every reader of a TagChange.
    private static readonly IReadOnlyDictionary<string, string> NothingToSet = new SortedDictionary<string, string>(StringComparer.Ordinal);

    public static (TagChange Change, IReadOnlyList<FieldChange> Fields) Compare(
        IReadOnlyDictionary<string, string> desired, IReadOnlyDictionary<string, string> live)
    {
        SortedDictionary<string, string>? set = null;
        List<FieldChange>? fields = null;
        // Loops rather than LINQ, and lists only once something differs: an unchanged mapping (nearly all of them, every
        // daemon tick) allocates next to nothing here.
        IEnumerable<KeyValuePair<string, string>> ordered = desired is SortedDictionary<string, string> or SortedList<string, string> ? desired : desired.OrderBy(t => t.Key, StringComparer.Ordinal);
        foreach (var (key, value) in ordered)
        {
            live.TryGetValue(key, out var before);
            if (before == value) continue;
            (set ??= new SortedDictionary<string, string>(StringComparer.Ordinal))[key] = value;
            (fields ??= []).Add(new FieldChange($"tags.{key}", before is null ? null : JsonValue.Create(before), JsonValue.Create(value), false));
        }

        List<string>? remove = null;
        foreach (var key in live.Keys)
        {
            if (!desired.ContainsKey(key) && !key.StartsWith(ReservedPrefix, StringComparison.Ordinal)) (remove ??= []).Add(key);
        }
        remove?.Sort(StringComparer.Ordinal);
        if (remove is not null)
            foreach (var key in remove) (fields ??= []).Add(new FieldChange($"tags.{key}", JsonValue.Create(live[key]), null, false));
        if (fields is null) return (new TagChange(NothingToSet, []), []);
        return (new TagChange(set ?? NothingToSet, remove ?? []), [.. fields.OrderBy(f => f.Field, StringComparer.Ordinal)]);
    }

    /// <summary>
    /// True exactly when <see cref="Compare"/> of <see cref="Ownership.DesiredTags"/> and the live tags would find nothing
    /// to set or remove, answered without building either: a daemon asks it of every mapping on every tick.
    /// </summary>
    public static bool Unchanged(string name, IReadOnlyDictionary<string, string>? userTags, string owner, IReadOnlyDictionary<string, string> live)
    {
        live.TryGetValue(ManagedTags.ManagedBy, out var managedBy);
        live.TryGetValue(ManagedTags.Name, out var liveName);
        if (managedBy != owner || liveName != name) return false;
        if (userTags is not null)
        {
            foreach (var (key, value) in userTags)
            {
                if (key is ManagedTags.ManagedBy or ManagedTags.Name) continue;
                live.TryGetValue(key, out var before);
                if (before != value) return false;
            }
        }
        foreach (var key in live.Keys)
        {
            if (key is ManagedTags.ManagedBy or ManagedTags.Name || key.StartsWith(ReservedPrefix, StringComparison.Ordinal)) continue;
            if (userTags is null || !userTags.ContainsKey(key)) return false;
        }
        return true;
    }
}
