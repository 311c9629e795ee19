using System.Text.RegularExpressions;

namespace Reconciler.Emulator.ControlPlane;

/// <summary>TagKey (1..128) and TagValue (0..256) with the model's pattern, and Lambda's 50 tags per resource.</summary>
internal static partial class TagRules
{
    public const int MaxTagsPerResource = 50;

    public static void Validate(IReadOnlyDictionary<string, string> tags, int existingCount)
    {
        foreach (var (key, value) in tags)
        {
            if (key.Length is < 1 or > 128 || !TagPattern().IsMatch(key))
                throw ApiErrors.InvalidParameter($"Tag key '{key}' must be 1 to 128 letters, digits, spaces or _.:/=+-@.");
            if (value is null || value.Length > 256 || !TagPattern().IsMatch(value))
                throw ApiErrors.InvalidParameter($"Tag value for key '{key}' must be at most 256 letters, digits, spaces or _.:/=+-@.");
        }
        if (existingCount + tags.Count > MaxTagsPerResource)
            throw ApiErrors.InvalidParameter($"A resource can have at most {MaxTagsPerResource} tags.");
    }

    [GeneratedRegex(@"^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$")]
    private static partial Regex TagPattern();
}
