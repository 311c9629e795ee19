using Reconciler.Core.Planning;

namespace Reconciler.Core.Safety;

/// <summary>How many mappings a set of actions deletes: Delete actions (pruned mappings) and Replace actions
/// (deleted, then created again). Both remove a live mapping, so both count against --max-deletes.</summary>
public sealed record DeleteCount(int Deleted, int Recreated)
{
    public int Total => Deleted + Recreated;

    public static DeleteCount Of(IEnumerable<PlannedAction> actions)
    {
        ArgumentNullException.ThrowIfNull(actions);
        int deleted = 0, recreated = 0;
        foreach (var action in actions)
        {
            if (action.Kind == PlanActionKind.Delete) deleted++;
            else if (action.Kind == PlanActionKind.Replace) recreated++;
        }
        return new DeleteCount(deleted, recreated);
    }

    /// <summary>"3 mappings (1 deleted, 2 deleted and recreated)".</summary>
    public override string ToString()
    {
        var mappings = Total == 1 ? "1 mapping" : $"{Total} mappings";
        return (Deleted, Recreated) switch
        {
            (_, 0) => mappings,
            (0, _) => $"{mappings} (deleted and recreated)",
            _ => $"{mappings} ({Deleted} deleted, {Recreated} deleted and recreated)",
        };
    }
}
