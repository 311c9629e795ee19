using Reconciler.Core.Model;

namespace Reconciler.Core.Planning;

/// <summary>Reads the esmctl tags of a live mapping.</summary>
public static class Ownership
{
    /// <summary>The esmctl:managed-by value, or null for a mapping no esmctl instance manages.</summary>
    public static string? OwnerOf(IReadOnlyDictionary<string, string> tags) =>
        tags.TryGetValue(ManagedTags.ManagedBy, out var owner) && owner.Length > 0 ? owner : null;

    public static string? NameOf(IReadOnlyDictionary<string, string> tags) =>
        tags.TryGetValue(ManagedTags.Name, out var name) && name.Length > 0 ? name : null;

    public static bool IsOwnedBy(IReadOnlyDictionary<string, string> tags, string owner) =>
        string.Equals(OwnerOf(tags), owner, StringComparison.Ordinal);

    /// <summary>The complete tag set a managed mapping should carry: the user's tags and the two ownership tags.</summary>
    public static IReadOnlyDictionary<string, string> DesiredTags(string name, IReadOnlyDictionary<string, string>? userTags, string owner)
    {
        // A sorted list (two arrays) rather than a tree: a plan builds one for every manifest, and reads it in key order.
        var tags = new SortedList<string, string>((userTags?.Count ?? 0) + 2, StringComparer.Ordinal);
        if (userTags is not null)
            foreach (var (key, value) in userTags) tags[key] = value;
        tags[ManagedTags.ManagedBy] = owner;
        tags[ManagedTags.Name] = name;
        return tags;
    }
}
