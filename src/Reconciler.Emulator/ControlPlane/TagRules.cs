namespace Reconciler.Emulator.ControlPlane;

/// <summary>The tag rules the model does not state (its TagKey and TagValue constraints are checked as model
/// constraints): Lambda's 50 tags per resource, no empty TagResource, no key with AWS's reserved prefix (all recorded
/// wordings).</summary>
internal static class TagRules
{
    public const int MaxTagsPerResource = 50;

    public static void CheckLimit(int tagCount)
    {
        if (tagCount > MaxTagsPerResource) throw ApiErrors.InvalidParameter("Number of tags exceeds resource tag limit.");
    }

    /// <summary>Recorded on TagResource of a function (test_tag_invalid, 2024-09): the same operation tags mappings.
    /// Only the lowercase prefix is refused: nothing shows how AWS answers "AWS:".</summary>
    public static void CheckKeys(IEnumerable<string> keys)
    {
        if (keys.Any(key => key.StartsWith("aws:", StringComparison.Ordinal)))
            throw ApiErrors.InvalidParameter("Tag key cannot contain reserved prefix (aws:)");
    }

    public static void CheckNotEmpty(int tagCount)
    {
        if (tagCount == 0) throw ApiErrors.InvalidParameter("An error occurred and the request cannot be processed.");
    }
}
