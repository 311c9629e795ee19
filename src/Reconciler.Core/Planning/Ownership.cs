using Reconciler.Core.Model;

namespace Reconciler.Core.Planning;

/// <summary>Reads the esmctl tags of a live mapping.</summary>
public static class Ownership
{
    /// <summary>
    /// The esmctl:managed-by value, or null for a mapping no esmctl instance manages. Tag keys are case-sensitive in AWS,
    /// but a key that differs from esmctl:managed-by only in case or surrounding spaces ("ESMCTL:managed-by") is someone's
    /// claim all the same (a hand edit, another tool's spelling): such a mapping is owned by "VALUE (under the key KEY)",
    /// which no valid --owner can equal (<see cref="Reconciling.OwnerName"/> allows no parentheses), so it is never
    /// adopted, updated or pruned, whatever the value says, and never has that tag removed.
    /// </summary>
    public static string? OwnerOf(IReadOnlyDictionary<string, string> tags)
    {
        foreach (var (key, value) in tags)
        {
            if (!string.Equals(key, ManagedTags.ManagedBy, StringComparison.Ordinal)
                && string.Equals(key.Trim(), ManagedTags.ManagedBy, StringComparison.OrdinalIgnoreCase))
                return $"{value} (under the key {key})";
        }
        return tags.TryGetValue(ManagedTags.ManagedBy, out var owner) && owner.Length > 0 ? owner : null;
    }

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
