using Reconciler.Core.Diagnostics;
using Reconciler.Core.Manifests;

namespace Reconciler.Core.Reconciling;

/// <summary>
/// The one region/account guard. A manifest's metadata.region and metadata.account, a target of esmctl.yaml and a saved
/// plan each promise where mappings live; a run refuses to act when the opened target is elsewhere, rather than create
/// or change mappings in the wrong place.
/// </summary>
public static class TargetGuard
{
    /// <summary>An error per manifest whose metadata names another region or account than the target's.</summary>
    public static IEnumerable<Diagnostic> Placement(IReadOnlyList<DesiredMapping> mappings, TargetIdentity target)
    {
        foreach (var mapping in mappings)
        {
            if (mapping.Region is { } region && !string.Equals(region, target.Region, StringComparison.Ordinal))
                yield return Diagnostic.Error(mapping.RegionAt ?? mapping.Location, "metadata.region",
                    $"the manifest is for region {region} but the target {target.Description} is in {target.Region}; " +
                    "run against that region or remove metadata.region");
            else if (mapping.Region is null && mapping.RequiredRegion is { } sourceRegion && !string.Equals(sourceRegion, target.Region, StringComparison.Ordinal))
                // AWS refuses it ("Event source region must match Lambda region"): say so before planning a create.
                yield return Diagnostic.Error(mapping.EventSourceArnAt ?? mapping.Location, "spec.eventSourceArn",
                    $"the event source is in {sourceRegion} but the target {target.Description} is in {target.Region}; Lambda reads a source " +
                    $"only from its own region: run against {sourceRegion} (set metadata.region: {sourceRegion} to pin it)");
            if (mapping.Account is { } account && !string.Equals(account, target.Account, StringComparison.Ordinal))
                yield return Diagnostic.Error(mapping.AccountAt ?? mapping.Location, "metadata.account",
                    $"the manifest is for account {account} but the target's credentials belong to account {target.Account}; nothing was changed");
        }
    }

    /// <summary>Why the opened target is not the account and region it was declared to be (an esmctl.yaml entry, a
    /// saved plan), or null when it is.</summary>
    public static string? Expected(string account, string region, TargetIdentity target)
    {
        if (!string.Equals(target.Account, account, StringComparison.Ordinal))
            return $"the credentials belong to account {target.Account}, not {account}; nothing was read or changed";
        if (!string.Equals(target.Region, region, StringComparison.Ordinal))
            return $"the target answered for region {target.Region}, not {region}; nothing was read or changed";
        return null;
    }
}
