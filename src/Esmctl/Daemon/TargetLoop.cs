namespace Esmctl.Daemon;

/// <summary>One target's loop and what it keeps on its own: its status and its per-mapping backoff.</summary>
public sealed record TargetLoop(string? Name, ReconcileLoop Loop, DaemonStatus Status, MappingBackoff Backoff)
{
    /// <summary>What esmctl.yaml declares for the target, shown in /status before (and whether or not) it could be opened.</summary>
    public Targets.TargetEntry? Entry { get; init; }
}
