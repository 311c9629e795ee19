using Reconciler.Core.Model;

namespace Reconciler.Core.Validation;

/// <summary>A mapping lives in one region: its source, function, KMS key and failure destination must all be there
/// (AWS: "Event source region must match Lambda region").</summary>
internal static class RegionRules
{
    public static void Check(RuleContext c)
    {
        var spec = c.Request;
        var (reference, referenceName) = c.Region is { } region ? (region, "metadata.region")
            : spec.EventSourceArn is { } source && EventSource.RegionOf(source) is { } sourceRegion ? (sourceRegion, "the event source")
            : ((string?)null, "");
        if (reference is null) return;
        foreach (var (field, arn) in Arns(spec))
        {
            if (EventSource.RegionOf(arn) is { } arnRegion && arnRegion != reference)
                c.Error(field, $"the ARN is in {arnRegion} but {referenceName} is in {reference}");
        }
    }

    /// <summary>The request members that may hold an ARN with a region (S3 bucket ARNs have none).</summary>
    public static readonly string[] Fields = ["eventSourceArn", "functionName", "kmsKeyArn", "destinationConfig"];

    private static IEnumerable<(string Field, string Arn)> Arns(MappingConfiguration spec)
    {
        if (spec.EventSourceArn is { } source) yield return ("eventSourceArn", source);
        if (spec.FunctionName is { } function && function.StartsWith("arn:", StringComparison.Ordinal)) yield return ("functionName", function);
        if (spec.KmsKeyArn is { Length: > 0 } kms) yield return ("kmsKeyArn", kms);
        if (spec.DestinationConfig?.OnFailure?.Destination is { } failure && failure.StartsWith("arn:", StringComparison.Ordinal))
            yield return ("destinationConfig.onFailure.destination", failure);
    }
}
