namespace Reconciler.Core.Applying;

/// <summary>What an <see cref="ApplyEvent"/> reports.</summary>
public enum ApplyStep
{
    Creating,
    Updating,
    Tagging,
    Untagging,
    Deleting,
    /// <summary>A deleted mapping is still reported (normally in Deleting) before its replacement is created.</summary>
    WaitingForDeletion,
    /// <summary>A call met ResourceInUseException; waiting for the mapping to leave its transitional state.</summary>
    WaitingToSettle,
    /// <summary>A create met ResourceConflictException; looking up the existing mapping to adopt it.</summary>
    ResolvingConflict,
    Succeeded,
    Failed,
    Skipped,
}
