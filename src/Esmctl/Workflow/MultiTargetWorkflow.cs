using Esmctl.Aws;
using Esmctl.Commands;
using Esmctl.Output;
using Esmctl.Targets;
using Reconciler.Core.Reconciling;
using Reconciler.Core.Api;
using Reconciler.Core.Applying;
using Reconciler.Core.Diagnostics;
using Reconciler.Core.Manifests;

namespace Esmctl.Workflow;

/// <summary>
/// One repository, many accounts and regions (esmctl.yaml): the manifests are loaded once, each manifest goes to the
/// target its metadata.region (or else its event source ARN's region) and metadata.account select (an absent one matches any), and every target is opened,
/// guarded and planned on its own, a few at a time. A target that fails is reported and the others go on.
/// </summary>
public static class MultiTargetWorkflow
{
    public const int DefaultConcurrency = 4;

    /// <summary>Errors for manifests no target selects: with esmctl.yaml, every manifest must land somewhere.</summary>
    public static IReadOnlyList<Diagnostic> Unselected(ManifestSet manifests, IReadOnlyList<TargetEntry> entries) =>
        [.. manifests.Mappings
            .Where(m => !entries.Any(e => Selects(e, m)))
            .Select(m => Diagnostic.Error(UnselectedAt(m, entries), "metadata",
                $"no target in {TargetsFile.FileName} is in region {m.RequiredRegion ?? "(any)"} and account {m.Account ?? "(any)"}; " +
                "add the target or fix metadata.region / metadata.account"))];

    /// <summary>The value no target matches: the region (metadata.region, else the source ARN's) when no target is in
    /// it, else the account; the document's start when neither is written.</summary>
    private static SourceLocation UnselectedAt(DesiredMapping mapping, IReadOnlyList<TargetEntry> entries) =>
        (mapping.RequiredRegion is { } region && entries.All(e => !string.Equals(e.Region, region, StringComparison.Ordinal))
            ? mapping.RegionAt ?? mapping.EventSourceArnAt
            : mapping.AccountAt) ?? mapping.Location;

    public static bool Selects(TargetEntry entry, DesiredMapping mapping) =>
        (mapping.RequiredRegion is null || string.Equals(mapping.RequiredRegion, entry.Region, StringComparison.Ordinal))
        && (mapping.Account is null || string.Equals(mapping.Account, entry.Account, StringComparison.Ordinal));

    public static async Task<IReadOnlyList<TargetRun>> PlanAllAsync(
        IReadOnlyList<TargetEntry> entries,
        ManifestSet manifests,
        Func<TargetEntry, CancellationToken, Task<ReconcileSession>> open,
        int concurrency,
        CancellationToken cancellationToken)
    {
        using var slots = new SemaphoreSlim(concurrency);
        var runs = entries.Select(async entry =>
        {
            await slots.WaitAsync(cancellationToken);
            try
            {
                return await PlanOneAsync(entry, manifests, open, cancellationToken);
            }
            finally
            {
                slots.Release();
            }
        });
        return await Task.WhenAll(runs);
    }

    /// <summary>Runs <paramref name="each"/> for every target, a few at a time, and returns the results in the file's order.</summary>
    public static async Task<IReadOnlyList<T>> ForEachAsync<T>(
        IReadOnlyList<TargetEntry> entries, Func<TargetEntry, CancellationToken, Task<T>> each, CancellationToken cancellationToken)
    {
        using var slots = new SemaphoreSlim(DefaultConcurrency);
        return await Task.WhenAll(entries.Select(async entry =>
        {
            await slots.WaitAsync(cancellationToken);
            try
            {
                return await each(entry, cancellationToken);
            }
            finally
            {
                slots.Release();
            }
        }));
    }

    /// <summary>
    /// Applies each target's plan, a few targets at a time, under the run's one interrupt, and returns every target's
    /// report (or why it has none) with its progress lines, in the order given. Interrupts work for targets as the
    /// applier makes them work for actions, because it is the applier that decides: a target still waiting for its turn
    /// when the first signal comes is applied all the same, and the applier starts none of its actions (its report lists
    /// them as not started); the targets in flight finish their actions in flight; a second signal aborts them. Nothing
    /// here throws away the reports of the others. <paramref name="approval"/> is the one prompt's, for every target.
    /// </summary>
    public static async Task<IReadOnlyList<(TargetRun Run, ApplyReport? Report, string? Error, string Progress)>> ApplyAllAsync(
        IReadOnlyList<TargetRun> runs, int concurrency, ApplyInterrupt interrupt, Approval approval)
    {
        using var slots = new SemaphoreSlim(concurrency);
        return await Task.WhenAll(runs.Select(async run =>
        {
            var progress = new StringWriter();
            var turn = await TakeTurnAsync(slots, interrupt.StopStarting);
            try
            {
                var report = await run.Session!.ApplyAsync(run.Planned!.Plan!, run.Planned.Live!,
                    new ApplyProgressOutput(TextWriter.Synchronized(progress)), interrupt, approval);
                return (run, (ApplyReport?)report, (string?)null, progress.ToString());
            }
            catch (Exception e) when (CommandErrors.IsTargetFailure(e) || e is OperationCanceledException)
            {
                // The applier turns failures into outcomes; this is a failure around it. Something may have been written.
                return (run, null, $"the apply of this target stopped: {CommandErrors.Describe(e)}; the next plan shows where its mappings stand",
                    progress.ToString());
            }
            finally
            {
                if (turn) slots.Release();
            }
        }));
    }

    /// <summary>Waits for a free slot; false when the run stopped starting first (no slot was taken).</summary>
    private static async Task<bool> TakeTurnAsync(SemaphoreSlim slots, CancellationToken stopStarting)
    {
        try
        {
            await slots.WaitAsync(stopStarting);
            return true;
        }
        catch (OperationCanceledException) when (stopStarting.IsCancellationRequested)
        {
            return false;
        }
    }

    private static async Task<TargetRun> PlanOneAsync(
        TargetEntry entry, ManifestSet manifests,
        Func<TargetEntry, CancellationToken, Task<ReconcileSession>> open, CancellationToken cancellationToken)
    {
        ReconcileSession? session = null;
        try
        {
            session = await open(entry, cancellationToken);
            // The account guard: credentials of another account must not act here, whatever the manifests say.
            if (TargetGuard.Expected(entry.Account, entry.Region, session.Target.Identity) is { } refusal)
                return new TargetRun(entry, session, null, refusal);
            var share = ShareOf(entry, manifests);
            return new TargetRun(entry, session, await session.PlanAsync(share, knownTags: null, cancellationToken), null);
        }
        catch (Exception e) when (CommandErrors.IsTargetFailure(e) && !cancellationToken.IsCancellationRequested)
        {
            return new TargetRun(entry, session, null, CommandErrors.Describe(e));
        }
    }

    /// <summary>The manifests one target gets. A target none selects has an empty set of manifests: with --prune that
    /// is damaged input (it would delete every mapping this owner has there), so it is marked as such.</summary>
    public static ManifestSet ShareOf(TargetEntry entry, ManifestSet manifests)
    {
        var mappings = manifests.Mappings.Where(m => Selects(entry, m)).ToList();
        return manifests with
        {
            Mappings = mappings,
            DamagedInputs = mappings.Count > 0 ? manifests.DamagedInputs :
            [
                .. manifests.DamagedInputs,
                Diagnostic.Warning(new SourceLocation(TargetsFile.FileName, 1, 1), "", $"no manifest is for target {entry.Name} (account {entry.Account}, {entry.Region})"),
            ],
        };
    }


}
