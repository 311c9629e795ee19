using System.Globalization;
using System.Text;
using Reconciler.Core.Model;

namespace Reconciler.Core.Validation;

/// <summary>
/// The tags of a create request as AWS's tagging rules allow them: at most 50 per resource, counting esmctl's own
/// (<see cref="ManagedTags.ManagedBy"/>, <see cref="ManagedTags.Name"/>); keys of 1..128 and values of 0..256
/// letters, digits, spaces and <c>_ . : / = + - @</c>; no key starting with <c>aws:</c>, which AWS reserves.
/// </summary>
internal static class TagRules
{
    public const int MaxTags = 50;

    public static void Check(RuleContext c)
    {
        if (c.Request.Tags is not { } tags) return;
        if (tags.Count > MaxTags)
        {
            var own = tags.Keys.Count(k => k is ManagedTags.ManagedBy or ManagedTags.Name);
            c.Error("tags", own > 0
                ? $"{tags.Count - own} tags plus esmctl's {own} ({ManagedTags.ManagedBy}, {ManagedTags.Name}) make {tags.Count}; AWS allows at most {MaxTags} per mapping"
                : $"{tags.Count} tags; AWS allows at most {MaxTags} per mapping");
        }
        foreach (var (key, value) in tags)
        {
            // The field's name is spelt out only for a tag that breaks a rule (every document has a few good tags).
            if (key.StartsWith("aws:", StringComparison.OrdinalIgnoreCase))
                c.ErrorAtKey("tags." + key, "tag keys starting with aws: are reserved by AWS");
            else if (key.Length is 0 or > 128 || !Allowed(key))
                c.ErrorAtKey("tags." + key, "a tag key is 1..128 letters, digits, spaces and _ . : / = + - @");
            // A value the schema rejected is reported already; its key is still checked here.
            if (((value ?? "").Length > 256 || !Allowed(value ?? "")) && !c.ElementRejected("tags." + key))
                c.Error("tags." + key, "a tag value is 0..256 letters, digits, spaces and _ . : / = + - @");
        }
    }

    /// <summary>The model's TagKey and TagValue pattern, <c>[\p{L}\p{Z}\p{N}_.:/=+\-@]*</c>, as AWS's Java regex reads it:
    /// by code point over the whole value, so a letter beyond the BMP (U+20000, two UTF-16 units) is a letter, which
    /// .NET's regex, reading UTF-16 units, would refuse; and a final newline is not allowed.</summary>
    internal static bool Allowed(string text)
    {
        foreach (var rune in text.EnumerateRunes())
        {
            if (Rune.IsLetter(rune) || Rune.IsNumber(rune)) continue;
            if (Rune.GetUnicodeCategory(rune) is UnicodeCategory.SpaceSeparator or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator) continue;
            if (rune.IsAscii && "_.:/=+-@".Contains((char)rune.Value, StringComparison.Ordinal)) continue;
            return false;
        }
        return true;
    }
}
