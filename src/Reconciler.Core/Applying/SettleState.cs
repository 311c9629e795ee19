namespace Reconciler.Core.Applying;

/// <summary>Where a mapping the apply touched was when the apply stopped watching it.</summary>
public enum SettleState
{
    /// <summary>Not watched: nothing to wait for (a delete, a no-op, a failure), --no-wait, or an interrupted apply.</summary>
    NotWaited,
    /// <summary>Left Creating/Updating/Enabling/Disabling within the wait.</summary>
    Settled,
    /// <summary>Still in a transitional state when the wait ended; AWS finishes it on its own.</summary>
    InProgress,
}
