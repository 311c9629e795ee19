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
    /// <summary>A create met ResourceConflictException, or its outcome was lost; looking up the existing mapping.</summary>
    ResolvingConflict,
    /// <summary>The mapping's tags were not read in this run: reading them (ListTags) before writing.</summary>
    CheckingOwnership,
    /// <summary>A create's outcome was lost and its mapping was not found: waiting, then looking again or creating again.</summary>
    RetryingCreate,
    /// <summary>After the calls: waiting for the mapping to leave Creating/Updating/Enabling/Disabling.</summary>
    Settling,
    Succeeded,
    Failed,
    Skipped,
    /// <summary>Not done: what exists is not this owner's to change (the detail says what and how to resolve).</summary>
    Conflict,
}
