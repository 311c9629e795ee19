using System.Text.Json.Nodes;

namespace Reconciler.Core.Planning;

/// <summary>
/// Tags of a managed mapping, Terraform-style: every declared tag set, every undeclared one removed, the ownership
/// tags included. Keys under aws: are AWS's own (they cannot be removed by users) and are left alone.
/// </summary>
public static class TagDiff
{
    public const string ReservedPrefix = "aws:";

    public static (TagChange Change, IReadOnlyList<FieldChange> Fields) Compare(
        IReadOnlyDictionary<string, string> desired, IReadOnlyDictionary<string, string> live)
    {
        var set = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var fields = new List<FieldChange>();
        foreach (var (key, value) in desired.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            live.TryGetValue(key, out var before);
            if (before == value) continue;
            set[key] = value;
            fields.Add(new FieldChange($"tags.{key}", before is null ? null : JsonValue.Create(before), JsonValue.Create(value), false));
        }

        var remove = live.Keys
            .Where(key => !desired.ContainsKey(key) && !key.StartsWith(ReservedPrefix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
        fields.AddRange(remove.Select(key => new FieldChange($"tags.{key}", JsonValue.Create(live[key]), null, false)));
        return (new TagChange(set, remove), [.. fields.OrderBy(f => f.Field, StringComparer.Ordinal)]);
    }
}
