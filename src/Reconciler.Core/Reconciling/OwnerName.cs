using System.Text.RegularExpressions;
using Reconciler.Core.Model;

namespace Reconciler.Core.Reconciling;

/// <summary>
/// The owner a run acts as (--owner) is the value of the esmctl:managed-by tag: it must be a tag value AWS accepts
/// (at most 256 characters of letters, digits, spaces and _ . : / = + - @), and not empty, or every mapping without
/// the tag would count as this owner's.
/// </summary>
public static partial class OwnerName
{
    public const int MaxLength = 256;

    /// <summary>Why the owner cannot be used, or null when it can.</summary>
    public static string? Problem(string? owner)
    {
        if (string.IsNullOrWhiteSpace(owner))
            return $"--owner must not be empty: it is the {ManagedTags.ManagedBy} tag value that marks this owner's mappings";
        if (owner.Length > MaxLength)
            return $"--owner is {owner.Length} characters; an AWS tag value has at most {MaxLength}";
        if (!TagValue().IsMatch(owner))
            return $"--owner '{owner}' is not a valid AWS tag value: use letters, digits, spaces and _ . : / = + - @ only";
        if (owner.Trim().Length != owner.Length)
            return $"--owner '{owner}' starts or ends with whitespace; a tag value that differs only in spaces is another owner";
        return null;
    }

    // The model's TagValue pattern (service-2.json, Lambda TagResource).
    [GeneratedRegex(@"^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$")]
    private static partial Regex TagValue();
}
