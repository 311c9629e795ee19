namespace Reconciler.Core.Reconciling;

/// <summary>Where a session acts and as whom: the target (kind, location, account, region) and the owner and prune it
/// runs with. A value every output can name ("acting on aws (…, account …) in us-east-1 as owner esmctl, prune on").</summary>
public sealed record SessionScope(TargetIdentity Target, string Owner, bool Prune);
