namespace Esmctl.Daemon;

/// <summary>
/// One level-based reconcile pass: read the manifests and the live mappings, plan, and (unless observe-only)
/// apply. The I/O seam between the daemon's machinery and the pipeline. Problems in the input or with single
/// mappings come back in the outcome; an exception means the whole tick failed (the loop counts it as Failed).
/// </summary>
public interface IReconcileTick
{
    Task<TickOutcome> RunAsync(TickContext context, CancellationToken cancellationToken);
}
