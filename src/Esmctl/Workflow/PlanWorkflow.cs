using Reconciler.Core.Reconciling;
using Esmctl.Targets;
using Reconciler.Core.Diagnostics;
using Reconciler.Core.Live;
using Reconciler.Core.Manifests;
using Reconciler.Core.Planning;

namespace Esmctl.Workflow;

/// <summary>
/// The one path from manifests to a plan that plan, apply and the daemon share: load and validate, check each
/// manifest's region and account against the target, read live state, plan. Nothing reads the target while the
/// manifests have an error.
/// </summary>
public static class PlanWorkflow
{
    public static Task<PlanResult> RunAsync(
        PlanInputs inputs, ReconcileTarget target, TimeProvider time, CancellationToken cancellationToken) =>
        RunAsync(ManifestLoader.Load(inputs.Paths, time), inputs, target, cancellationToken);

    /// <summary>The same over manifests already loaded (a multi-target run loads once and gives each target its share).</summary>
    public static async Task<PlanResult> RunAsync(
        ManifestSet manifests, PlanInputs inputs, ReconcileTarget target, CancellationToken cancellationToken)
    {
        var options = new PlanOptions
        {
            Owner = inputs.Owner,
            Prune = inputs.Prune,
            Account = target.Account,
            Region = target.Region,
            Partition = target.Partition,
        };
        var diagnostics = new DiagnosticBag();
        diagnostics.AddRange(manifests.Diagnostics);
        if (!manifests.HasErrors) diagnostics.AddRange(TargetPlacement.Check(manifests.Mappings, target));
        if (diagnostics.HasErrors) return new PlanResult(manifests, diagnostics.Sorted(), null, null, options);

        var live = await new LiveStateReader(target.Api).ReadAsync(cancellationToken);
        var plan = Planner.Plan(manifests.Mappings, live, options);
        return new PlanResult(manifests, diagnostics.Sorted(), live, plan, options);
    }
}
