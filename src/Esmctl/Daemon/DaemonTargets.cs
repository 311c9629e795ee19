using Esmctl.Targets;
using Esmctl.Workflow;
using Reconciler.Core.Reconciling;

namespace Esmctl.Daemon;

/// <summary>
/// What the daemon reconciles, decided once at start as plan and apply decide it: every target of an esmctl.yaml at the
/// manifests' root (accounts × regions, each with its own tick: session, rate cap of --max-rps, tag cache; and its own
/// loop: backoff and status), or else the one target the settings name (default local). A target of esmctl.yaml is
/// guarded like a multi-target apply: credentials of another account fail its tick, and it gets only the manifests its
/// region and account select.
/// </summary>
public static class DaemonTargets
{
    public static IReadOnlyList<DaemonTarget> For(DaemonOptions options, CommandServices services)
    {
        if (TargetsFile.Find(options.Paths) is not { } file) return [new DaemonTarget(null, ReconcileTick.ForOptions(options, services))];
        // Validated before start (DaemonOptionsValidator): the file reads without errors.
        var entries = TargetsFile.Read(file, out _);
        return [.. entries.Select(entry => new DaemonTarget(entry.Name, new ReconcileTick(
            options,
            async cancellationToken =>
            {
                var target = await services.Targets.OpenAsync(entry, options.Profile, options.MaxRps, cancellationToken);
                return TargetGuard.Expected(entry.Account, entry.Region, target.Identity) is { } refusal
                    ? throw new TargetException($"target {entry.Name}: {refusal}")
                    : target;
            },
            services.Time,
            services.Jitter,
            manifests =>
            {
                var share = MultiTargetWorkflow.ShareOf(entry, manifests);
                var unselected = MultiTargetWorkflow.Unselected(manifests, entries);
                return unselected.Count == 0 ? share : share with { Diagnostics = [.. share.Diagnostics, .. unselected] };
            })) { Entry = entry })];
    }
}
