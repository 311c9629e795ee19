using Esmctl.Targets;
using Reconciler.Core.Reconciling;
using Reconciler.Core.SavedPlans;

namespace Esmctl.Workflow;

/// <summary>How a saved plan records the target it was made for. Apply never reopens it: it opens the target of its own
/// invocation and compares (<see cref="SavedPlanVerifier.Mismatched"/>).</summary>
public static class SavedPlanTarget
{
    public static SavedTarget From(TargetIdentity target, TargetSettings settings) => new()
    {
        Description = target.Description,
        Kind = target.Kind,
        Location = target.Location,
        Spec = settings.Spec.ToString(),
        Account = target.Account,
        Region = target.Region,
        Partition = target.Partition,
        EndpointUrl = Aws.RedactedUrl.Of(settings.EndpointUrl),
        Profile = settings.Profile,
    };
}
