namespace Reconciler.Core.Applying;

/// <summary>The codes of failures the applier itself decides, beside the API's own error codes.</summary>
public static class ApplyErrorCodes
{
    /// <summary>A mapping stayed in a transitional state, or in use, for longer than the settle timeout.</summary>
    public const string SettleTimeout = "SettleTimeout";
    /// <summary>The apply was interrupted before or while this action ran.</summary>
    public const string Cancelled = "Cancelled";
    /// <summary>The plan deletes more mappings than --max-deletes allows.</summary>
    public const string DeleteLimitExceeded = "DeleteLimitExceeded";
    /// <summary>A create met an existing mapping that it may not take over, or that differs from its request.</summary>
    public const string UnresolvedConflict = "UnresolvedConflict";
    /// <summary>The write gate refused a write: the mapping is not this owner's to change.</summary>
    public const string NotOwned = "NotOwned";
    /// <summary>A replacement's new create request fails the offline check; the old mapping was kept.</summary>
    public const string InvalidRequest = "InvalidRequest";
    /// <summary>A create's outcome stayed unknown (lost responses) after every attempt the apply allows.</summary>
    public const string CreateOutcomeUnknown = "CreateOutcomeUnknown";
    /// <summary>The mapping settled into a state the action did not ask for (e.g. Disabled after an enabling create).</summary>
    public const string SettledBadly = "SettledBadly";
    /// <summary>The action lacks what its kind needs (a UUID, a request); a bug in the plan, not in the input.</summary>
    public const string InvalidAction = "InvalidAction";
}
