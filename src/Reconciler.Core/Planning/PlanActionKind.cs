namespace Reconciler.Core.Planning;

/// <summary>The closed set of things a plan can do to one mapping.</summary>
public enum PlanActionKind
{
    Noop,
    Create,
    Update,
    /// <summary>Delete then create, because a create-only field changed.</summary>
    Replace,
    Delete,
    /// <summary>A live mapping matching a manifest but not yet tagged as esmctl's: tag it (and update differing fields).</summary>
    Adopt,
}
