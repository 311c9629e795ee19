namespace Reconciler.Core.Applying;

/// <summary>The codes of failures the applier itself decides, beside the API's own error codes.</summary>
public static class ApplyErrorCodes
{
    /// <summary>A mapping stayed in a transitional state, or in use, for longer than the settle timeout.</summary>
    public const string SettleTimeout = "SettleTimeout";
    /// <summary>The apply was cancelled before or while this action ran.</summary>
    public const string Cancelled = "Cancelled";
    /// <summary>The plan deletes more mappings than --max-deletes allows.</summary>
    public const string DeleteLimitExceeded = "DeleteLimitExceeded";
    /// <summary>A create met an existing mapping that cannot simply be adopted.</summary>
    public const string UnresolvedConflict = "UnresolvedConflict";
    /// <summary>The action lacks what its kind needs (a UUID, a request); a bug in the plan, not in the input.</summary>
    public const string InvalidAction = "InvalidAction";
}
