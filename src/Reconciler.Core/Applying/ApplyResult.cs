namespace Reconciler.Core.Applying;

public enum ApplyResult
{
    /// <summary>The mapping is as the plan wanted it (a no-op succeeds without calls).</summary>
    Succeeded,
    /// <summary>The action was attempted and did not complete; the error says why and how far it got.</summary>
    Failed,
    /// <summary>The action was never started: the apply was refused or interrupted first.</summary>
    Skipped,
    /// <summary>
    /// The action was not done because what exists is not this owner's to change (another owner's or an unmanaged
    /// mapping, or one whose tags changed since the plan), or a create met a mapping it may not take over. The error
    /// says what exists and how to adopt or resolve it.
    /// </summary>
    Conflict,
}
