using Reconciler.Core.Applying;
using Reconciler.Core.Diagnostics;
using Reconciler.Core.Live;
using Reconciler.Core.Manifests;
using Reconciler.Core.Planning;
using Reconciler.Core.Safety;

namespace Reconciler.Core.Reconciling;

/// <summary>
/// One reconcile session: the orchestration every entry point shares (plan, apply, a saved plan's apply, each target of
/// a multi-target run, the daemon's tick). It loads the manifests, guards them (errors, damaged input under --prune, the
/// target's region and account), reads live state, plans, and applies under one <see cref="WritePolicy"/> built here
/// from the invocation's settings and the opened target. Entry points only parse options and present its results.
/// </summary>
public sealed class ReconcileSession
{
    private readonly TimeProvider _time;
    private readonly Func<double> _jitter;

    public ReconcileSession(ReconcileTarget target, SessionSettings settings, TimeProvider time, Func<double> jitter)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(jitter);
        Target = target;
        Settings = settings;
        _time = time;
        _jitter = jitter;
        Options = new PlanOptions
        {
            Owner = settings.Owner,
            Prune = settings.Prune,
            Account = target.Account,
            Region = target.Region,
            Partition = target.Partition,
        };
        Policy = new WritePolicy(Options, settings.MaxDeletes);
    }

    public ReconcileTarget Target { get; }

    public SessionSettings Settings { get; }

    /// <summary>What the planner is told: owner, prune, and the target's partition, account and region.</summary>
    public PlanOptions Options { get; }

    /// <summary>What the applier may write.</summary>
    public WritePolicy Policy { get; }

    /// <summary>Where and as whom this session acts: for every line of output that names it.</summary>
    public SessionScope Scope => new(Target.Identity, Settings.Owner, Settings.Prune);

    public ManifestSet Load(IReadOnlyList<string> paths) => ManifestLoader.Load(paths, _time);

    public Task<SessionPlan> PlanAsync(IReadOnlyList<string> paths, CancellationToken cancellationToken) =>
        PlanAsync(Load(paths), knownTags: null, cancellationToken);

    /// <summary>
    /// Guards, reads and plans over manifests already loaded (a multi-target run loads once and gives each target its
    /// share). Nothing reads the target while the manifests, or where they are meant to go, have an error.
    /// </summary>
    /// <param name="knownTags">Tags a caller kept from an earlier read (the daemon's cache): ListTags is then called only
    /// for mappings not in it. Such tags plan a quiet tick but prove no ownership: the applier reads a mapping's tags
    /// again before any write that depends on them.</param>
    public async Task<SessionPlan> PlanAsync(
        ManifestSet manifests,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>? knownTags,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(manifests);
        var diagnostics = new DiagnosticBag();
        diagnostics.AddRange(manifests.Diagnostics);
        var damaged = Settings.Prune ? manifests.DamagedInputs : [];
        if (damaged.Count > 0 && Settings.DamagedInput == DamagedInputRule.Refuse)
            diagnostics.AddRange(damaged.Select(DamagedError));
        if (!diagnostics.HasErrors) diagnostics.AddRange(TargetGuard.Placement(manifests.Mappings, Target.Identity));
        if (diagnostics.HasErrors) return new SessionPlan(manifests, diagnostics.Sorted(), null, null);

        var live = await new LiveStateReader(Target.Api, time: _time).ReadAsync(knownTags, cancellationToken);
        var plan = Planner.Plan(manifests.Mappings, live, Options);
        if (damaged.Count == 0) return new SessionPlan(manifests, diagnostics.Sorted(), live, plan);

        // The daemon: everything else goes ahead; the deletes wait for input that is whole again.
        var held = plan.Actions.Where(a => a.Kind == PlanActionKind.Delete).ToList();
        return new SessionPlan(manifests, diagnostics.Sorted(), live, plan with { Actions = [.. plan.Actions.Except(held)] })
        {
            HeldDeletes = held,
            HoldReason = held.Count == 0 ? null :
                $"{held.Count} delete{(held.Count == 1 ? "" : "s")} skipped: the input may be damaged " +
                $"({string.Join("; ", damaged.Select(d => $"{d.Location.File}: {d.Message}"))}); deletes resume once every file reads whole",
        };
    }

    /// <summary>Why these actions may not run at all (they delete more mappings than the limit allows), or null.</summary>
    public DeleteLimitExceeded? CheckDeletes(IEnumerable<PlannedAction> actions) => Policy.CheckDeletes(actions);

    /// <summary>Applies the plan's actions under the session's policy.</summary>
    /// <param name="live">The live state read in this session (its freshly read tags are the evidence for writes);
    /// <see cref="LiveState.Empty"/> makes every write read its mapping's tags first.</param>
    /// <param name="approval">How the plan was approved: after a person was asked, no earlier read of a mapping's tags
    /// proves ownership, and each write reads them again first (<see cref="Approval"/>).</param>
    public Task<ApplyReport> ApplyAsync(
        Plan plan, LiveState live, IProgress<ApplyEvent>? progress, ApplyInterrupt interrupt, Approval approval = Approval.Automatic)
    {
        var options = new ApplyOptions { Jitter = _jitter, SettleWait = Settings.SettleWait };
        if (approval == Approval.Person) options = options with { TagEvidenceMaxAge = TimeSpan.Zero };
        var applier = new PlanApplier(Target.Api, _time, options, Policy, progress);
        return applier.ApplyAsync(plan, live, interrupt);
    }

    private static Diagnostic DamagedError(Diagnostic damaged) => Diagnostic.Error(damaged.Location, damaged.Field,
        $"{damaged.Message}; with --prune this is an error, since the mappings such a file declared would be deleted. " +
        "Restore the file, delete it if it is meant to be gone, or run without --prune");
}
