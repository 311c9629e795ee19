namespace Esmctl.Daemon;

/// <summary>One target the daemon reconciles, with its own tick (and so its own session, rate cap and tag cache). Name
/// is the target's name in esmctl.yaml; null for the one target of the command line.</summary>
public sealed record DaemonTarget(string? Name, IReconcileTick Tick)
{
    /// <summary>The account and region esmctl.yaml declares for it (null for the command line's target).</summary>
    public Targets.TargetEntry? Entry { get; init; }
}
