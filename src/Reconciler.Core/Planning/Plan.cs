namespace Reconciler.Core.Planning;

/// <summary>
/// The plan: an immutable value computed once and rendered or executed many ways.
/// Actions are ordered by name. Orphans are mappings this instance owns that no manifest declares (deleted
/// only with --prune, when they appear as Delete actions instead); Unmanaged are mappings nobody here owns on
/// functions or sources the manifests manage.
/// </summary>
public sealed record Plan(
    IReadOnlyList<PlannedAction> Actions,
    IReadOnlyList<LiveMappingSummary> Orphans,
    IReadOnlyList<LiveMappingSummary> Unmanaged)
{
    public PlanSummary Summary { get; } = PlanSummary.Of(Actions);

    public bool HasChanges => Summary.HasChanges;
}
