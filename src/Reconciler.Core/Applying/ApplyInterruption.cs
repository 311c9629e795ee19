namespace Reconciler.Core.Applying;

/// <summary>Whether, and how hard, an apply was stopped from outside (<see cref="ApplyInterrupt"/>).</summary>
public enum ApplyInterruption
{
    None,
    /// <summary>No new action started after the stop; those in flight finished.</summary>
    Stopped,
    /// <summary>Stopped at once: actions in flight were abandoned.</summary>
    Aborted,
}
