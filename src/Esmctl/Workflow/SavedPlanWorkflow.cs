using Reconciler.Core.Reconciling;
using Esmctl.Targets;
using Reconciler.Core.Manifests;
using Reconciler.Core.Planning;
using Reconciler.Core.SavedPlans;

namespace Esmctl.Workflow;

/// <summary>
/// Saved plans end to end: write one after planning, and before applying one, make sure it still holds. The
/// check re-reads the manifests and only the mappings the plan touches; the apply itself is the ordinary
/// PlanApplier run over the saved requests.
/// </summary>
public static class SavedPlanWorkflow
{
    public static SavedPlanDocument ToDocument(PlanResult result, PlanInputs inputs, ReconcileTarget target, TargetSettings settings, TimeProvider time) =>
        SavedPlanWriter.ToDocument(
            result.Plan ?? throw new InvalidOperationException("a rejected plan cannot be saved"),
            result.Manifests,
            inputs.Paths,
            result.Live ?? throw new InvalidOperationException("a rejected plan cannot be saved"),
            result.Options,
            SavedPlanTarget.From(target, settings),
            time.GetUtcNow());

    public static async Task<SavedPlanApplyResult> CheckAsync(
        SavedPlanDocument saved, ReconcileTarget target, TimeProvider time, CancellationToken cancellationToken)
    {
        var options = new PlanOptions
        {
            Owner = saved.Options.Owner,
            Prune = saved.Options.Prune,
            Account = target.Account,
            Region = target.Region,
            Partition = target.Partition,
        };
        var refusals = new List<string>();
        if (target.Account != saved.Target.Account || target.Region != saved.Target.Region)
        {
            refusals.Add($"the plan was made for account {saved.Target.Account} in {saved.Target.Region} ({saved.Target.Description}) " +
                $"but the target {target.Description} is account {target.Account} in {target.Region}");
            return new SavedPlanApplyResult(refusals, null, null, options, saved, target);
        }

        var manifests = ManifestLoader.Load(saved.Manifests.Paths, time);
        if (manifests.HasErrors)
        {
            refusals.Add("the manifests no longer load (see the errors above), so they changed since the plan");
            return new SavedPlanApplyResult(refusals, manifests, null, options, saved, target);
        }
        var check = await SavedPlanVerifier.CheckAsync(saved, manifests, target.Api, cancellationToken);
        return new SavedPlanApplyResult(check.Moved, manifests, check.Plan, options, saved, target);
    }
}
