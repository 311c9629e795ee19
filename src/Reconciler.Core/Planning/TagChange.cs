namespace Reconciler.Core.Planning;

/// <summary>Tags to set (TagResource) and keys to remove (UntagResource) on a mapping's ARN.</summary>
public sealed record TagChange(IReadOnlyDictionary<string, string> Set, IReadOnlyList<string> Remove)
{
    public bool IsEmpty => Set.Count == 0 && Remove.Count == 0;
}
