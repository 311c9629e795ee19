namespace Esmctl.Daemon;

/// <summary>One target's loop and what it keeps on its own: its status and its per-mapping backoff.</summary>
public sealed record TargetLoop(string? Name, ReconcileLoop Loop, DaemonStatus Status, MappingBackoff Backoff);
