using Reconciler.Core.Reconciling;
using Esmctl.Commands;
using Esmctl.Targets;
using Reconciler.Core.Api;
using Reconciler.Core.Applying;
using Reconciler.Core.Diagnostics;
using Reconciler.Core.Live;
using Reconciler.Core.Manifests;
using Reconciler.Core.Model;
using Reconciler.Core.Planning;
using Reconciler.Core.Rendering;
using Reconciler.Core.Rendering.Json;
using Reconciler.Core.Safety;

namespace Esmctl.Daemon;

/// <summary>
/// The real tick: the daemon's use of the one <see cref="ReconcileSession"/> (load, guard, read, plan, apply), plus
/// what only a long-lived process has: per-mapping backoff, and a tag cache so a quiet tick costs only the List pages.
/// The target and its session are opened on the first tick and kept; a failure to open fails the tick, and the loop
/// retries with its backoff. The cache is re-read whole when the loop says so (TagRefreshInterval), a UUID not in it is
/// read, and a mapping esmctl acted on, or that disappeared, leaves it. Cached tags only plan: the applier reads a
/// mapping's tags again before any write that depends on them. Ticks never overlap, so the state needs no lock.
/// </summary>
public sealed class ReconcileTick : IReconcileTick
{
    private readonly DaemonOptions _options;
    private readonly Func<CancellationToken, Task<ReconcileTarget>> _openTarget;
    private readonly TimeProvider _time;
    private readonly Func<double> _jitter;
    private readonly Func<ManifestSet, ManifestSet>? _select;
    private ReconcileSession? _session;
    private Dictionary<string, IReadOnlyDictionary<string, string>> _tags = new(StringComparer.Ordinal);
    private readonly ManifestCache _manifests;

    /// <param name="openTarget">Opens the target; called on the first tick and again after a failed open.</param>
    /// <param name="jitter">Numbers in [0, 1) for the applier's settle polls.</param>
    /// <param name="select">For one target of esmctl.yaml: its share of the manifests (with an error for a manifest no
    /// target selects); null for the command line's one target, which gets them all.</param>
    public ReconcileTick(
        DaemonOptions options, Func<CancellationToken, Task<ReconcileTarget>> openTarget, TimeProvider time, Func<double> jitter,
        Func<ManifestSet, ManifestSet>? select = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(openTarget);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(jitter);
        _options = options;
        _openTarget = openTarget;
        _time = time;
        _jitter = jitter;
        _select = select;
        _manifests = new ManifestCache(time);
    }

    /// <summary>The composition root's tick: the target the options name (default local, as plan and apply).</summary>
    public static ReconcileTick ForOptions(DaemonOptions options, CommandServices services) =>
        new(options, ct => OpenTargetAsync(options, services.Targets, ct), services.Time, services.Jitter);

    /// <summary>What the daemon's options grant: owner, prune, at most --max-deletes (default 5 with prune) deletes
    /// (replacements included) per tick, and damaged input holds the tick's deletes instead of failing it.</summary>
    public static SessionSettings SettingsFor(DaemonOptions options) => new()
    {
        Owner = options.Owner,
        Prune = options.Prune,
        MaxDeletes = SessionSettings.MaxDeletesFor(options.Prune, options.MaxDeletes),
        DamagedInput = DamagedInputRule.HoldDeletes,
    };

    /// <summary>Manifest files the last tick parsed: none when no file changed (a count for tests).</summary>
    public int ManifestFilesParsed => _manifests.FilesParsed;

    /// <summary>Tags by UUID the next tick will not read again (for tests and /status, a copy).</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> CachedTags =>
        new Dictionary<string, IReadOnlyDictionary<string, string>>(_tags, StringComparer.Ordinal);

    public async Task<TickOutcome> RunAsync(TickContext context, CancellationToken cancellationToken)
    {
        // Nothing reaches the target, not even to open it, while the manifests have an error. A file whose path, size and
        // time are unchanged is neither read nor parsed; after the watcher's word, and whenever the tags are refreshed (so
        // a lost event is not lost for long), every file is read again and the ones whose bytes changed are parsed.
        if (context.Reason == TickReason.ManifestChanged || context.RefreshTags) _manifests.InvalidateAll();
        var manifests = _manifests.Load(_options.Paths);
        // One target of esmctl.yaml gets its share (and an error for a manifest no target selects).
        if (_select is not null && !manifests.HasErrors) manifests = _select(manifests);
        if (manifests.HasErrors) return Invalid(manifests.Diagnostics);

        try
        {
            var session = await OpenAsync(cancellationToken);
            var planned = await session.PlanAsync(manifests, context.RefreshTags ? null : _tags, cancellationToken);
            if (planned.Rejected) return Invalid(planned.Diagnostics) with { Scope = session.Scope };
            var (plan, live) = (planned.Plan!, planned.Live!);
            // Only what List returned stays cached: a mapping gone (or being deleted) leaves the cache here.
            _tags = new Dictionary<string, IReadOnlyDictionary<string, string>>(live.Tags, StringComparer.Ordinal);

            var held = planned.HeldDeletes.Select(a => (a.Kind, ActionResult.Skipped)).ToList();
            var drift = plan.Actions.Concat(planned.HeldDeletes).Where(a => a.Kind != PlanActionKind.Noop)
                // A create or delete differs as a whole: its fields would only list the manifest.
                .Select(a => new DriftedMapping(a.Name, PlanActionWords.Word(a.Kind), a.Uuid,
                    a.Kind is PlanActionKind.Create or PlanActionKind.Delete ? [] : [.. a.Changes.Select(c => c.Field)]))
                .ToList();
            var outcome = new TickOutcome(TickResult.Succeeded)
            {
                Diagnostics = planned.Diagnostics,
                PlanJson = JsonPlanRenderer.Render(plan, session.Scope, planned.Diagnostics),
                DriftedMappings = drift.Count,
                // What no action repairs is drift too, or a daemon of the wrong owner would look converged: a manifest's
                // mapping another owner holds, and (without prune) a mapping this owner holds that no manifest declares.
                Drift = [.. drift,
                    .. plan.Conflicts.Select(c => new DriftedMapping(c.Name ?? c.Uuid, DriftedMapping.Conflict, c.Uuid, [])),
                    .. plan.Orphans.Select(o => new DriftedMapping(o.Name ?? o.Uuid, DriftedMapping.Orphan, o.Uuid, []))],
                Scope = session.Scope,
                DeletesHeld = planned.HoldReason,
            };
            var ownedAtRead = live.Mappings.Count(m =>
                m.State != MappingStates.Deleting && Ownership.IsOwnedBy(live.TagsOf(m.Uuid), session.Settings.Owner));

            if (_options.ObserveOnly)
            {
                return outcome with
                {
                    ManagedMappings = ownedAtRead,
                    Actions = Count(plan.Actions.Where(a => a.Kind != PlanActionKind.Noop).Select(a => (a.Kind, ActionResult.Skipped)).Concat(held)),
                    ApiRequests = session.Target.Calls.Take().Requests,
                };
            }

            // SIGTERM (the loop's stopping token) lets the actions in flight finish and starts no new one; the tick's own
            // token, cancelled when the shutdown grace is over, abandons them.
            var interrupt = new ApplyInterrupt(context.Stopping, cancellationToken);
            var applied = await ApplyAsync(session, plan, live, context, interrupt);
            return outcome with
            {
                ManagedMappings = ownedAtRead + applied.ManagedDelta,
                Actions = Count(applied.Results.Concat(held)),
                Failures = applied.Failures,
                Settled = applied.Settled,
                ApiRequests = session.Target.Calls.Take().Requests,
            };
        }
        catch (Exception e) when (CommandErrors.IsTargetFailure(e) && !(e is OperationCanceledException && cancellationToken.IsCancellationRequested))
        {
            // The tick as a whole could not go on (listing failed, no credentials, endpoint unreachable): the loop
            // backs off. The calls made so far are still reported.
            return TickOutcome.Failure(CommandErrors.Describe(e)) with
            {
                Diagnostics = manifests.Diagnostics,
                ApiRequests = _session?.Target.Calls.Take().Requests ?? [],
                Scope = _session?.Scope,
            };
        }
    }

    private async Task<ApplyResults> ApplyAsync(
        ReconcileSession session, Plan plan, LiveState live, TickContext context, ApplyInterrupt interrupt)
    {
        var results = new List<(PlanActionKind Kind, ActionResult Result)>();
        var failures = new List<MappingFailure>();
        var settled = new List<string>();
        var attempt = new List<(PlannedAction Action, string Digest)>();

        foreach (var action in plan.Actions)
        {
            if (action.Kind == PlanActionKind.Noop)
            {
                // Converged: whatever held this mapping is over (a fixed manifest, a hand repair).
                settled.Add(action.Name);
                continue;
            }
            var digest = DigestOf(action);
            if (context.Backoff.MayAttempt(action.Name, digest, context.StartedAt)) attempt.Add((action, digest));
            else results.Add((action.Kind, ActionResult.Skipped));
        }

        // An emptied manifest folder must not wipe an account: over the session's limit, every delete is held
        // (terminal, until the input changes) and the rest of the plan still goes ahead. A replacement deletes too
        // (then creates): it counts, and is held with the deletes. Every delete of the plan counts, those held or
        // backing off since an earlier tick included: a folder emptied a few files per tick must not get through.
        if (session.CheckDeletes(plan.Actions) is { } refusal)
        {
            var (deletes, limit) = (refusal.Deletes.Total, refusal.Limit);
            foreach (var (action, digest) in attempt.Where(a => a.Action.Kind is PlanActionKind.Delete or PlanActionKind.Replace))
            {
                results.Add((action.Kind, ActionResult.Skipped));
                failures.Add(new MappingFailure(action.Name, FailureClass.Terminal, digest, FailureClassifier.DeleteLimitExceeded,
                    $"this tick would delete {deletes} mappings, more than {limit}; no delete was made. Restore the manifests, or delete them with `esmctl apply --prune --max-deletes N`"));
            }
            attempt.RemoveAll(a => a.Action.Kind is PlanActionKind.Delete or PlanActionKind.Replace);
        }

        var managedDelta = 0;
        if (attempt.Count > 0)
        {
            // Tags from the cache of earlier ticks are not evidence: the applier reads them again before any write.
            var report = await session.ApplyAsync(new Plan([.. attempt.Select(a => a.Action)], [], []), live, progress: null, interrupt);
            for (var i = 0; i < report.Outcomes.Count; i++)
            {
                var (action, digest) = attempt[i];
                var applied = report.Outcomes[i];
                results.Add((action.Kind, Result(applied.Result)));
                if (applied.Result == ApplyResult.Skipped) continue;

                // esmctl changed (or may have half-changed) this mapping: read its tags again next tick.
                if (action.Uuid is { } before) _tags.Remove(before);
                if (applied.Uuid is { } after) _tags.Remove(after);

                if (applied.Result == ApplyResult.Succeeded)
                {
                    settled.Add(action.Name);
                    managedDelta += action.Kind switch
                    {
                        PlanActionKind.Create or PlanActionKind.Adopt => 1,
                        PlanActionKind.Delete => -1,
                        _ => 0,
                    };
                }
                else
                {
                    var code = applied.Error?.Code ?? "Unknown";
                    failures.Add(new MappingFailure(action.Name, FailureClassifier.Classify(code), digest, code, applied.Error?.Message ?? ""));
                }
            }
        }
        return new ApplyResults(results, failures, settled, managedDelta);
    }

    private async Task<ReconcileSession> OpenAsync(CancellationToken cancellationToken) =>
        _session ??= new ReconcileSession(await _openTarget(cancellationToken), SettingsFor(_options), _time, _jitter);

    /// <summary>The target the options name, read the one way plan and apply read theirs (<see cref="TargetSettings.Create"/>).</summary>
    private static Task<ReconcileTarget> OpenTargetAsync(DaemonOptions options, TargetOpener targets, CancellationToken cancellationToken) =>
        targets.OpenAsync(options.TargetSettings(out var error) ?? throw new TargetException(error), cancellationToken);

    private static string DigestOf(PlannedAction action) =>
        action.Desired is { } desired ? MappingDigest.Of(desired) : MappingDigest.OfDelete(action.Uuid ?? action.Name);

    private static TickOutcome Invalid(IReadOnlyList<Diagnostic> diagnostics) =>
        new(TickResult.InvalidInput) { Diagnostics = diagnostics };

    private static ActionResult Result(ApplyResult result) => result switch
    {
        ApplyResult.Succeeded => ActionResult.Succeeded,
        ApplyResult.Failed => ActionResult.Failed,
        _ => ActionResult.Skipped,
    };

    private static IReadOnlyList<ActionCount> Count(IEnumerable<(PlanActionKind Kind, ActionResult Result)> results) =>
        [.. results
            .GroupBy(r => r)
            .OrderBy(g => g.Key.Kind).ThenBy(g => g.Key.Result)
            .Select(g => new ActionCount(g.Key.Kind, g.Key.Result, g.Count()))];

    private sealed record ApplyResults(
        IReadOnlyList<(PlanActionKind Kind, ActionResult Result)> Results,
        IReadOnlyList<MappingFailure> Failures,
        IReadOnlyList<string> Settled,
        int ManagedDelta);
}
