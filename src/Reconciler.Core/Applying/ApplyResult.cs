namespace Reconciler.Core.Applying;

public enum ApplyResult
{
    /// <summary>The mapping is as the plan wanted it (a no-op succeeds without calls).</summary>
    Succeeded,
    /// <summary>The action was attempted and did not complete; the error says why and how far it got.</summary>
    Failed,
    /// <summary>The action was never started: the apply was refused or cancelled first.</summary>
    Skipped,
}
