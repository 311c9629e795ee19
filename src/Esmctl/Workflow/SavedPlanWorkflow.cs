using Esmctl.Targets;
using Reconciler.Core.Reconciling;
using Reconciler.Core.SavedPlans;

namespace Esmctl.Workflow;

/// <summary>
/// Saved plans end to end: write one after planning; before applying one, re-derive the plan in this invocation's
/// session (its target, owner and prune) from the manifests the file names and live state now, and compare.
/// </summary>
public static class SavedPlanWorkflow
{
    public static SavedPlanDocument ToDocument(
        SessionPlan planned, ReconcileSession session, IReadOnlyList<string> paths, TargetSettings settings, TimeProvider time) =>
        SavedPlanWriter.ToDocument(
            planned.Plan ?? throw new InvalidOperationException("a rejected plan cannot be saved"),
            planned.Manifests,
            paths,
            planned.Live ?? throw new InvalidOperationException("a rejected plan cannot be saved"),
            session.Options,
            SavedPlanTarget.From(session.Target.Identity, settings),
            time.GetUtcNow());

    /// <summary>The verdict, and the plan made now (to show and apply) when there is one. Nothing is read from the
    /// target while the file or the invocation is refused.</summary>
    /// <param name="manifestPaths">The manifests the invocation names after the plan file (empty: none named).</param>
    public static async Task<(SavedPlanCheck Check, SessionPlan? Planned)> CheckAsync(
        SavedPlanDocument saved, ReconcileSession session, IReadOnlyList<string> manifestPaths, CancellationToken cancellationToken)
    {
        var invalid = SavedPlanVerifier.Invalid(saved);
        var mismatched = SavedPlanVerifier.Mismatched(saved, session.Scope).ToList();
        if (invalid.Count == 0)
            mismatched.AddRange(SavedPlanVerifier.ManifestsMismatched(saved.Manifests.Paths, manifestPaths, Directory.GetCurrentDirectory()));
        if (invalid.Count > 0 || mismatched.Count > 0) return (new SavedPlanCheck(invalid, mismatched, []), null);
        if (TargetsFile.Beside(saved.Manifests.Paths) is { } targetsFile)
            return (new SavedPlanCheck([$"the plan names {targetsFile}'s folder, and saved plans are made for one target only"], [], []), null);

        var planned = await session.PlanAsync(saved.Manifests.Paths, cancellationToken);
        if (planned.Rejected)
            return (new SavedPlanCheck([], [], ["the manifests no longer load (see the errors above), so they changed since the plan"]), planned);
        if (SavedPlanVerifier.PrunesFromUnnamedManifests(manifestPaths, planned.Plan!) is { } unnamed)
            return (new SavedPlanCheck([], [unnamed], []), planned);
        var moved = SavedPlanVerifier.Moved(saved, planned.Manifests, planned.Plan!, planned.Live!, session.Options);
        return (new SavedPlanCheck([], [], moved), planned);
    }
}
