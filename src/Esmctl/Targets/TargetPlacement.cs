using Reconciler.Core.Diagnostics;
using Reconciler.Core.Manifests;

namespace Esmctl.Targets;

/// <summary>
/// metadata.region and metadata.account are promises about where a mapping lives: plan, apply and the daemon refuse
/// to act when the target is elsewhere, rather than create the mapping in the wrong place.
/// </summary>
public static class TargetPlacement
{
    public static IEnumerable<Diagnostic> Check(IReadOnlyList<DesiredMapping> mappings, Target target)
    {
        foreach (var mapping in mappings)
        {
            if (mapping.Region is { } region && !string.Equals(region, target.Region, StringComparison.Ordinal))
                yield return Diagnostic.Error(mapping.Location, "metadata.region",
                    $"the manifest is for region {region} but the target {target.Description} is in {target.Region}; " +
                    "run against that region or remove metadata.region");
            else if (mapping.Region is null && mapping.RequiredRegion is { } sourceRegion && !string.Equals(sourceRegion, target.Region, StringComparison.Ordinal))
                // AWS refuses it ("Event source region must match Lambda region"): say so before planning a create.
                yield return Diagnostic.Error(mapping.Location, "spec.eventSourceArn",
                    $"the event source is in {sourceRegion} but the target {target.Description} is in {target.Region}; Lambda reads a source " +
                    $"only from its own region: run against {sourceRegion} (set metadata.region: {sourceRegion} to pin it)");
            if (mapping.Account is { } account && !string.Equals(account, target.Account, StringComparison.Ordinal))
                yield return Diagnostic.Error(mapping.Location, "metadata.account",
                    $"the manifest is for account {account} but the target's credentials belong to account {target.Account}; nothing was changed");
        }
    }
}
