namespace Reconciler.Core.Reconciling;

/// <summary>
/// How the plan being applied was approved. It decides how old the tags that prove ownership may be at a write: a plan
/// approved without a person (--auto-approve, the daemon) is applied seconds after its own read, which proves ownership for
/// <see cref="Applying.ApplyOptions.TagEvidenceMaxAge"/>; a person at a prompt takes as long as they take, and another team
/// may take a mapping meanwhile, so every write reads its mapping's tags again first.
/// </summary>
public enum Approval
{
    /// <summary>No one was asked.</summary>
    Automatic,

    /// <summary>A person was asked and answered; the plan's read proves nothing by the time of the writes.</summary>
    Person,
}
