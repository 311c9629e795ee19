namespace Reconciler.Core.Planning;

/// <summary>
/// The plan: an immutable value computed once and rendered or executed many ways.
/// Actions are ordered by name. Orphans are mappings this instance owns that no manifest declares (deleted
/// only with --prune, when they appear as Delete actions instead); Unmanaged are mappings nobody here owns on
/// functions or sources the manifests manage; Conflicts are mappings a manifest declares that another owner holds
/// (their action is a no-op: nothing is done to them and no duplicate is created).
/// </summary>
public sealed record Plan(
    IReadOnlyList<PlannedAction> Actions,
    IReadOnlyList<LiveMappingSummary> Orphans,
    IReadOnlyList<LiveMappingSummary> Unmanaged)
{
    /// <summary>Per manifest whose mapping another owner holds: that mapping, named by the manifest's metadata.name,
    /// with the owner that holds it.</summary>
    public IReadOnlyList<LiveMappingSummary> Conflicts { get; init; } = [];

    public PlanSummary Summary { get; } = PlanSummary.Of(Actions);

    /// <summary>Apply would make calls.</summary>
    public bool HasChanges => Summary.HasChanges;

    /// <summary>Live state does not match the manifests: apply would make calls, or a manifest's mapping is another
    /// owner's, or an owned mapping no manifest declares is kept (without --prune). What --detailed-exitcode reports
    /// as 2, so "No changes" is never said of a repository that does not match AWS.</summary>
    public bool HasPendingChanges => HasChanges || Conflicts.Count > 0 || Orphans.Count > 0;
}
