namespace Reconciler.Emulator.ControlPlane;

/// <summary>The tag rules the model does not state (its TagKey and TagValue constraints are checked as model
/// constraints): Lambda's 50 tags per resource, and no empty TagResource (both recorded wordings).</summary>
internal static class TagRules
{
    public const int MaxTagsPerResource = 50;

    public static void CheckLimit(int tagCount)
    {
        if (tagCount > MaxTagsPerResource) throw ApiErrors.InvalidParameter("Number of tags exceeds resource tag limit.");
    }

    public static void CheckNotEmpty(int tagCount)
    {
        if (tagCount == 0) throw ApiErrors.InvalidParameter("An error occurred and the request cannot be processed.");
    }
}
