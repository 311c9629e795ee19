using Esmctl.Targets;
using Reconciler.Core.SavedPlans;

namespace Esmctl.Workflow;

/// <summary>How a saved plan remembers its target, and how apply opens the same one again.</summary>
public static class SavedPlanTarget
{
    public static SavedTarget From(Target target, TargetSettings settings) => new()
    {
        Description = target.Description,
        Spec = settings.Spec.ToString(),
        Account = target.Account,
        Region = target.Region,
        Partition = target.Partition,
        EndpointUrl = Aws.RedactedUrl.Of(settings.EndpointUrl),
        Profile = settings.Profile,
    };

    /// <summary>The settings that reopen the saved target: the same kind, state file or endpoint, region and (local)
    /// account. Null with an error when the saved spec is not one this esmctl knows.</summary>
    public static TargetSettings? Settings(SavedTarget saved, out string error)
    {
        if (!TargetSpec.TryParse(saved.Spec, out var spec, out error)) return null;
        return new TargetSettings(
            spec,
            saved.Region,
            saved.EndpointUrl,
            saved.Profile,
            spec.Kind == TargetKind.Local ? saved.Account : null);
    }
}
