using Reconciler.Core.Model;
using Reconciler.Core.Normalization;

namespace Reconciler.Core.Export;

/// <summary>
/// A live mapping's configuration as the shortest spec that plans to no change: members equal to the defaults the
/// planner fills (<see cref="DocumentedDefaults"/>) are left out, the function is named as in the account when it
/// lives in the target's account and region, and esmctl's own tags are dropped (adoption writes them).
/// Provisioned poller counts are kept even when they are the defaults: the planner only fills those once the
/// structure is present, so leaving all of them out would read as "not provisioned".
/// </summary>
public static class MinimalSpec
{
    public static MappingConfiguration Of(LiveMapping live, IReadOnlyDictionary<string, string> tags, string partition, string region, string account)
    {
        var c = live.Configuration;
        var kind = EventSource.KindOf(c);
        var userTags = tags.Where(t => !t.Key.StartsWith("esmctl:", StringComparison.Ordinal))
            .ToDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal);
        return c with
        {
            FunctionName = FunctionNameIn(live.FunctionArn, partition, region, account),
            Enabled = c.Enabled == false ? false : null,
            BatchSize = c.BatchSize == DocumentedDefaults.BatchSize(kind) ? null : c.BatchSize,
            MaximumBatchingWindowInSeconds = c.MaximumBatchingWindowInSeconds == DocumentedDefaults.MaximumBatchingWindowInSeconds(kind)
                ? null : c.MaximumBatchingWindowInSeconds,
            ParallelizationFactor = c.ParallelizationFactor == 1 ? null : c.ParallelizationFactor,
            MaximumRecordAgeInSeconds = c.MaximumRecordAgeInSeconds == -1 ? null : c.MaximumRecordAgeInSeconds,
            MaximumRetryAttempts = c.MaximumRetryAttempts == -1 ? null : c.MaximumRetryAttempts,
            BisectBatchOnFunctionError = c.BisectBatchOnFunctionError == false ? null : c.BisectBatchOnFunctionError,
            TumblingWindowInSeconds = c.TumblingWindowInSeconds == 0 ? null : c.TumblingWindowInSeconds,
            DocumentDBEventSourceConfig = c.DocumentDBEventSourceConfig is { FullDocument: "Default" } docdb
                ? docdb with { FullDocument = null }
                : c.DocumentDBEventSourceConfig,
            Tags = userTags.Count == 0 ? null : userTags,
        };
    }

    /// <summary>name[:qualifier] when the function is in the target's account and region, else the full ARN.</summary>
    public static string FunctionNameIn(string functionArn, string partition, string region, string account)
    {
        var prefix = $"arn:{partition}:lambda:{region}:{account}:function:";
        return functionArn.StartsWith(prefix, StringComparison.Ordinal) ? functionArn[prefix.Length..] : functionArn;
    }
}
