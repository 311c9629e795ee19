namespace Reconciler.Core.Model;

/// <summary>The tags by which esmctl recognises the mappings it owns.</summary>
public static class ManagedTags
{
    public const string ManagedBy = "esmctl:managed-by";
    public const string Name = "esmctl:name";
    public const string DefaultOwner = "esmctl";
}
