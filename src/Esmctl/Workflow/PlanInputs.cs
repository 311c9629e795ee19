using Reconciler.Core.Reconciling;

namespace Esmctl.Workflow;

/// <summary>What a plan is computed from, besides the target: the paths, and the owner and prune the command line gave.</summary>
public sealed record PlanInputs(IReadOnlyList<string> Paths, string Owner, bool Prune)
{
    /// <summary>The session's settings for these inputs, with apply's delete limit and settle wait.</summary>
    public SessionSettings Settings(int? maxDeletes = null, TimeSpan? settleWait = null) => new()
    {
        Owner = Owner,
        Prune = Prune,
        MaxDeletes = maxDeletes,
        SettleWait = settleWait,
    };
}
