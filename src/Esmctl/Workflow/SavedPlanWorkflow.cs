using System.Security.Cryptography;
using Esmctl.Targets;
using Reconciler.Core.Manifests;
using Reconciler.Core.Reconciling;
using Reconciler.Core.SavedPlans;

namespace Esmctl.Workflow;

/// <summary>
/// Saved plans end to end: write one after planning (one target, or every target of an esmctl.yaml); before applying
/// one, re-derive the plan in this invocation's session (its target, owner and prune) from the manifests the file names
/// and live state now, and compare.
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

    /// <summary>Every target's plan in one file, with the esmctl.yaml they were made from. Every run must have a plan.</summary>
    public static SavedPlanSetDocument ToSet(IReadOnlyList<TargetRun> runs, string targetsFile, IReadOnlyList<string> paths, TimeProvider time)
    {
        var first = runs[0].Session ?? throw new InvalidOperationException("a failed target cannot be saved");
        return new SavedPlanSetDocument
        {
            CreatedAt = time.GetUtcNow(),
            TargetsFile = new SavedTargetsFile(targetsFile, Digest(targetsFile)),
            Options = new SavedPlanOptions(first.Settings.Owner, first.Settings.Prune),
            Targets = [.. runs.Select(run => new SavedTargetPlan(run.Entry.Name, ToDocument(
                run.Planned ?? throw new InvalidOperationException("a failed target cannot be saved"),
                run.Session!, paths, EntrySettings(run.Entry), time)))],
        };
    }

    /// <summary>
    /// The targets a set of saved plans is applied to: esmctl.yaml where the plans' manifests are, read now. Refused when
    /// there is none, when its bytes differ from the planned one's (a target added, moved or re-pointed since), or when its
    /// targets are not exactly the planned ones.
    /// </summary>
    public static (IReadOnlyList<TargetEntry>? Entries, IReadOnlyList<string> Problems) TargetsNow(SavedPlanSetDocument set, IReadOnlyList<string> paths)
    {
        if (TargetsFile.Find(paths) is not { } file)
            return (null, [$"the plans were made from {set.TargetsFile.Path}, and the manifests' folder ({string.Join(", ", paths)}) has no {TargetsFile.FileName} now"]);
        if (!string.Equals(Digest(file), set.TargetsFile.Digest, StringComparison.Ordinal))
            return (null, [$"{file} changed since the plan (targets added, removed or changed): plan again"]);
        var entries = TargetsFile.Read(file, out var errors);
        if (errors.Count > 0) return (null, errors);
        var planned = set.Targets.Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        var problems = entries.Where(e => !planned.Contains(e.Name)).Select(e => $"target {e.Name} of {file} has no saved plan")
            .Concat(planned.Where(n => entries.All(e => e.Name != n)).Select(n => $"the saved plan has target {n}, which {file} does not list"))
            .ToList();
        return problems.Count > 0 ? (null, problems) : (entries, []);
    }

    /// <summary>The verdict, and the plan made now (to show and apply) when there is one. Nothing is read from the
    /// target while the file or the invocation is refused.</summary>
    /// <param name="manifestPaths">The manifests the invocation names after the plan file (empty: none named).</param>
    public static async Task<(SavedPlanCheck Check, SessionPlan? Planned)> CheckAsync(
        SavedPlanDocument saved, ReconcileSession session, IReadOnlyList<string> manifestPaths, CancellationToken cancellationToken) =>
        await CheckAsync(saved, session, share: null, manifestPaths, cancellationToken);

    /// <param name="share">One target's share of manifests loaded once for every target (a set of saved plans); null
    /// loads the paths the file names.</param>
    /// <param name="manifestPaths">The manifests the invocation names after the plan file (empty: none named).</param>
    public static async Task<(SavedPlanCheck Check, SessionPlan? Planned)> CheckAsync(
        SavedPlanDocument saved, ReconcileSession session, ManifestSet? share, IReadOnlyList<string> manifestPaths, CancellationToken cancellationToken)
    {
        var invalid = SavedPlanVerifier.Invalid(saved);
        var mismatched = SavedPlanVerifier.Mismatched(saved, session.Scope).ToList();
        if (invalid.Count == 0)
            mismatched.AddRange(SavedPlanVerifier.ManifestsMismatched(saved.Manifests.Paths, manifestPaths, Directory.GetCurrentDirectory()));
        if (invalid.Count > 0 || mismatched.Count > 0) return (new SavedPlanCheck(invalid, mismatched, []), null);
        if (share is null && TargetsFile.Beside(saved.Manifests.Paths) is { } targetsFile)
            return (new SavedPlanCheck([$"the plan names {targetsFile}'s folder, and a plan for one target cannot be applied to its targets"], [], []), null);

        var planned = share is null
            ? await session.PlanAsync(saved.Manifests.Paths, cancellationToken)
            : await session.PlanAsync(share, knownTags: null, cancellationToken);
        if (planned.Rejected)
            return (new SavedPlanCheck([], [], ["the manifests no longer load (see the errors above), so they changed since the plan"]), planned);
        var moved = SavedPlanVerifier.Moved(saved, planned.Manifests, planned.Plan!, planned.Live!, session.Options);
        return (new SavedPlanCheck([], [], moved), planned);
    }

    /// <summary>How a target of esmctl.yaml is opened, as the saved plan records the invocation.</summary>
    private static TargetSettings EntrySettings(TargetEntry entry) =>
        new(new TargetSpec(TargetKind.Aws, null), entry.Region, entry.EndpointUrl);

    private static string Digest(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));
}
