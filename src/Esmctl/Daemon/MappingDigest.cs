using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Reconciler.Core.Manifests;
using Reconciler.Core.Normalization;

namespace Esmctl.Daemon;

/// <summary>
/// A digest of one mapping's desired input, so a failure held until "the input changes" is released by an edit
/// of that manifest and by nothing else: its name, placement, every spec field in canonical form, and its tags.
/// Comments, key order and other manifests do not change it.
/// </summary>
public static class MappingDigest
{
    public static string Of(DesiredMapping desired)
    {
        var fields = new JsonObject();
        foreach (var (path, value) in CanonicalFields.Of(desired.Spec, desired.Spec.FunctionName)) fields[path] = value.DeepClone();
        var tags = new JsonObject();
        foreach (var (key, value) in (desired.Spec.Tags ?? new Dictionary<string, string>()).OrderBy(t => t.Key, StringComparer.Ordinal))
            tags[key] = value;
        var document = new JsonObject
        {
            ["name"] = desired.Name,
            ["region"] = desired.Region,
            ["account"] = desired.Account,
            ["fields"] = fields,
            ["tags"] = tags,
        };
        return Hash(CanonicalJson.ToText(document));
    }

    /// <summary>A delete of a mapping no manifest declares: its input is that absence, so the UUID names it.</summary>
    public static string OfDelete(string uuid) => Hash("delete\n" + uuid);

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
