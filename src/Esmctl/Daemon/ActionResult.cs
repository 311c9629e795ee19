namespace Esmctl.Daemon;

/// <summary>What became of a planned action; the `result` label of esmctl_actions_total.</summary>
public enum ActionResult
{
    Succeeded,
    Failed,
    /// <summary>Not attempted: observe-only, or the mapping is backing off or held.</summary>
    Skipped,
}
