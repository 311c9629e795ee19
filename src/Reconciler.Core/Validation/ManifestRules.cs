using Reconciler.Core.Manifests;
using Reconciler.Core.Model;

namespace Reconciler.Core.Validation;

/// <summary>Rules that concern a manifest rather than the request: its metadata, the tag keys esmctl reserves for
/// itself, and advice (warnings) about fields the request may leave out.</summary>
internal static class ManifestRules
{
    public static void Check(RuleContext c, DesiredMapping mapping, RejectedFields rejected)
    {
        var spec = mapping.Spec;
        if (!rejected.Contains("metadata.account") && !rejected.Contains("functionName")
            && mapping.Account is { } account && spec.FunctionName is { } function && function.StartsWith("arn:", StringComparison.Ordinal)
            && EventSource.AccountOf(function) is { } functionAccount && functionAccount != account)
        {
            c.Error("functionName", $"the function is in account {functionAccount} but metadata.account is {account}");
        }

        if (!rejected.Contains("tags"))
        {
            foreach (var key in spec.Tags?.Keys ?? [])
            {
                // Any case or padding: "ESMCTL:managed-by" would read as another owner's claim on the mapping it is put on.
                if (key.TrimStart().StartsWith("esmctl:", StringComparison.OrdinalIgnoreCase))
                    c.ErrorAtKey("tags." + key, $"tag keys starting with esmctl: are set by esmctl itself ({ManagedTags.ManagedBy}, {ManagedTags.Name})");
            }
        }

        if (!rejected.Contains("startingPosition") && !rejected.Contains("eventSourceArn") && spec.StartingPosition is null)
        {
            // Optional for these (the model names only Kinesis and DynamoDB Streams) but create-only: say where to start.
            if (c.Kind == SourceKind.DocumentDb)
                c.Warning("startingPosition", "not set; it cannot be changed after creation, so say where to start (TRIM_HORIZON, LATEST or AT_TIMESTAMP)");
            else if (c.Kind == SourceKind.Msk)
                c.Warning("startingPosition", "not set; AWS's Amazon MSK guide lists it as required and it cannot be changed after creation, so say where to start (TRIM_HORIZON, LATEST or AT_TIMESTAMP)");
        }
    }
}
