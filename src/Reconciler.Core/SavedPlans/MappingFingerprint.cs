using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Reconciler.Core.Model;
using Reconciler.Core.Normalization;

namespace Reconciler.Core.SavedPlans;

/// <summary>
/// What a saved plan remembers of a live mapping, to notice when it moved: UUID, LastModified, State, and a SHA-256
/// of its compared values (the canonical fields the planner diffs) and its tags. A hash rather than the values
/// themselves, so the plan file does not copy configuration it does not change.
/// </summary>
public static class MappingFingerprint
{
    public static SavedFingerprint Of(LiveMapping live, IReadOnlyDictionary<string, string> tags) =>
        new(live.Uuid, live.LastModified, live.State, HashOf(live, tags));

    public static string HashOf(LiveMapping live, IReadOnlyDictionary<string, string> tags)
    {
        var fields = new JsonObject();
        foreach (var (path, value) in CanonicalFields.Of(live.Configuration, live.FunctionArn))
            fields[path] = value.DeepClone();
        var tagObject = new JsonObject();
        foreach (var (key, value) in tags.OrderBy(t => t.Key, StringComparer.Ordinal))
            tagObject[key] = value;
        var document = new JsonObject { ["fields"] = fields, ["tags"] = tagObject };
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(document.ToJsonString())));
    }

    /// <summary>What differs between the saved fingerprint and now, in words; empty when nothing moved.</summary>
    public static IReadOnlyList<string> Differences(SavedFingerprint saved, SavedFingerprint now)
    {
        var moved = new List<string>();
        if (saved.LastModified != now.LastModified)
            moved.Add($"lastModified {Instant(saved.LastModified)} -> {Instant(now.LastModified)}");
        if (!string.Equals(saved.State, now.State, StringComparison.Ordinal))
            moved.Add($"state {saved.State} -> {now.State}");
        if (!string.Equals(saved.ConfigurationHash, now.ConfigurationHash, StringComparison.Ordinal))
            moved.Add("configuration or tags changed");
        return moved;
    }

    private static string Instant(DateTimeOffset? value) => value?.ToUniversalTime().ToString("O") ?? "(none)";
}
