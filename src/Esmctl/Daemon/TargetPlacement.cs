using Esmctl.Targets;
using Reconciler.Core.Diagnostics;
using Reconciler.Core.Manifests;

namespace Esmctl.Daemon;

/// <summary>
/// metadata.region and metadata.account are promises about where a mapping lives: the daemon refuses to act when
/// its target is elsewhere, with the same diagnostics as plan and apply (PlanWorkflow keeps its copy private and
/// reads live state without a tag cache, so the daemon cannot call it as it is).
/// </summary>
internal static class TargetPlacement
{
    public static IEnumerable<Diagnostic> Check(IReadOnlyList<DesiredMapping> mappings, Target target)
    {
        foreach (var mapping in mappings)
        {
            if (mapping.Region is { } region && !string.Equals(region, target.Region, StringComparison.Ordinal))
                yield return Diagnostic.Error(mapping.Location, "metadata.region",
                    $"the manifest is for region {region} but the target {target.Description} is in {target.Region}; " +
                    "run against that region or remove metadata.region");
            if (mapping.Account is { } account && !string.Equals(account, target.Account, StringComparison.Ordinal))
                yield return Diagnostic.Error(mapping.Location, "metadata.account",
                    $"the manifest is for account {account} but the target's credentials belong to account {target.Account}; nothing was changed");
        }
    }
}
