namespace Reconciler.Core.Planning;

public sealed record PlanSummary(int Create, int Update, int Replace, int Delete, int Adopt, int Noop)
{
    public bool HasChanges => Create + Update + Replace + Delete + Adopt > 0;

    /// <summary>Live mappings the plan deletes: pruned ones, and the old mapping of each replacement (deleted, then
    /// created again). What --max-deletes counts.</summary>
    public int DeletedOrRecreated => Delete + Replace;

    public static PlanSummary Of(IEnumerable<PlannedAction> actions)
    {
        var counts = actions.GroupBy(a => a.Kind).ToDictionary(g => g.Key, g => g.Count());
        int Count(PlanActionKind kind) => counts.GetValueOrDefault(kind);
        return new PlanSummary(
            Count(PlanActionKind.Create), Count(PlanActionKind.Update), Count(PlanActionKind.Replace),
            Count(PlanActionKind.Delete), Count(PlanActionKind.Adopt), Count(PlanActionKind.Noop));
    }
}
