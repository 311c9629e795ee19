namespace Reconciler.Core.Fields;

/// <summary>What UpdateEventSourceMapping is sent to remove a member the manifest no longer gives (omitting a member
/// from Update means "no change").</summary>
public enum ClearingKind
{
    /// <summary>The source kind's documented default.</summary>
    Default,
    /// <summary>A fixed value: an empty structure, an empty list or an empty string.</summary>
    Value,
    /// <summary>The API has no way to remove it: the planner leaves it and says so.</summary>
    Cannot,
    /// <summary>Create-only: a different value replaces the mapping.</summary>
    Replace,
    /// <summary>A member inside a structure: the structure's own clearing applies.</summary>
    Inherit,
}
