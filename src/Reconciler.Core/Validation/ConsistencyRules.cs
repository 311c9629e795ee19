using Reconciler.Core.Model;

namespace Reconciler.Core.Validation;

/// <summary>Agreement between metadata and the ARNs, and the tag constraints the schema cannot express.</summary>
internal static class ConsistencyRules
{
    public static void Check(RuleContext c)
    {
        var spec = c.Spec;
        // A mapping lives in one region: every ARN in it must be there. Without metadata.region the source's
        // region is the reference (Lambda cannot map a function to a source in another region).
        var (reference, referenceName) = c.Mapping.Region is { } region ? (region, "metadata.region")
            : spec.EventSourceArn is { } source && EventSource.RegionOf(source) is { } sourceRegion ? (sourceRegion, "the event source")
            : ((string?)null, "");
        if (reference is not null)
        {
            foreach (var (field, arn) in Arns(spec))
            {
                if (EventSource.RegionOf(arn) is { } arnRegion && arnRegion != reference)
                    c.Error(field, $"the ARN is in {arnRegion} but {referenceName} is in {reference}");
            }
        }
        if (c.Mapping.Account is { } account && spec.FunctionName is { } function && function.StartsWith("arn:", StringComparison.Ordinal)
            && EventSource.AccountOf(function) is { } functionAccount && functionAccount != account)
        {
            c.Error("spec.functionName", $"the function is in account {functionAccount} but metadata.account is {account}");
        }

        foreach (var key in spec.Tags?.Keys ?? [])
        {
            var field = "spec.tags." + key;
            if (key.StartsWith("aws:", StringComparison.OrdinalIgnoreCase))
                c.Diagnostics.Error(c.Locator.Key(field), field, "tag keys starting with aws: are reserved by AWS");
            else if (key.StartsWith("esmctl:", StringComparison.Ordinal))
                c.Diagnostics.Error(c.Locator.Key(field), field, $"tag keys starting with esmctl: are set by esmctl itself ({ManagedTags.ManagedBy}, {ManagedTags.Name})");
            else if (key.Length > 128 || !key.All(ch => char.IsLetterOrDigit(ch) || char.IsWhiteSpace(ch) || "_.:/=+-@".Contains(ch)))
                c.Diagnostics.Error(c.Locator.Key(field), field, "a tag key is 1..128 letters, digits, spaces and _ . : / = + - @");
        }
    }

    private static IEnumerable<(string Field, string Arn)> Arns(MappingConfiguration spec)
    {
        if (spec.EventSourceArn is { } source) yield return ("spec.eventSourceArn", source);
        if (spec.FunctionName is { } function && function.StartsWith("arn:", StringComparison.Ordinal)) yield return ("spec.functionName", function);
        if (spec.KmsKeyArn is { Length: > 0 } kms) yield return ("spec.kmsKeyArn", kms);
        if (spec.DestinationConfig?.OnFailure?.Destination is { } failure && failure.StartsWith("arn:", StringComparison.Ordinal))
            yield return ("spec.destinationConfig.onFailure.destination", failure);
    }
}
