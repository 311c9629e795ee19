using Reconciler.Core.Planning;

namespace Reconciler.Core.Safety;

/// <summary>
/// What a run may write, fixed by the user's invocation (never by a plan or a saved file): whose mappings it
/// acts on (the owner in esmctl:managed-by), whether it may delete owned mappings no manifest declares (Prune),
/// and how many mappings it may delete in all, the delete half of each replacement included (MaxDeletes, null for no
/// limit). Planning carries the owner and prune flag together with the target's partition, account and region,
/// which turn a manifest's function name into the ARN a live mapping reports (for natural keys).
/// </summary>
public sealed record WritePolicy
{
    public WritePolicy(PlanOptions planning, int? maxDeletes)
    {
        ArgumentNullException.ThrowIfNull(planning);
        ArgumentException.ThrowIfNullOrWhiteSpace(planning.Owner, nameof(planning));
        if (maxDeletes is int limit) ArgumentOutOfRangeException.ThrowIfNegative(limit, nameof(maxDeletes));
        Planning = planning;
        MaxDeletes = maxDeletes;
    }

    public PlanOptions Planning { get; }

    public int? MaxDeletes { get; }

    public string Owner => Planning.Owner;

    public bool Prune => Planning.Prune;

    /// <summary>Null when the actions stay within <see cref="MaxDeletes"/>; else why the whole run is refused.
    /// Counts every mapping the actions delete, a replacement's old mapping included.</summary>
    public DeleteLimitExceeded? CheckDeletes(IEnumerable<PlannedAction> actions)
    {
        ArgumentNullException.ThrowIfNull(actions);
        if (MaxDeletes is not int limit) return null;
        var count = DeleteCount.Of(actions);
        return count.Total > limit ? new DeleteLimitExceeded(count, limit) : null;
    }
}
