namespace Reconciler.Core.Reconciling;

/// <summary>Where a session acts and as whom: the target (kind, location, account, region) and the owner and prune it
/// runs with. A value every output names at its top (Rendering/ScopeText), so no run acts without saying where.</summary>
public sealed record SessionScope(TargetIdentity Target, string Owner, bool Prune)
{
    /// <summary>The target's name in esmctl.yaml, for a run over many targets; null for the command line's one target.</summary>
    public string? TargetName { get; init; }
}
