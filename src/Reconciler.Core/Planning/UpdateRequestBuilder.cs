using Reconciler.Core.Model;
using Reconciler.Core.Normalization;

namespace Reconciler.Core.Planning;

/// <summary>
/// The UpdateEventSourceMapping body for a set of changed top-level members: the desired value where the manifest
/// has one, else the API's clearing value (omitting a member from Update means "no change", not "remove").
/// </summary>
public static class UpdateRequestBuilder
{
    public static MappingConfiguration? Build(MappingConfiguration desired, IEnumerable<string> changedMembers)
    {
        var kind = EventSource.KindOf(desired);
        var request = new MappingConfiguration();
        var any = false;
        foreach (var member in changedMembers.Distinct(StringComparer.Ordinal))
        {
            any = true;
            request = member switch
            {
                "functionName" => request with { FunctionName = desired.FunctionName },
                "enabled" => request with { Enabled = desired.Enabled ?? true },
                "batchSize" => request with { BatchSize = desired.BatchSize ?? DocumentedDefaults.BatchSize(kind) },
                "filterCriteria" => request with
                {
                    FilterCriteria = desired.FilterCriteria is { Filters.Count: > 0 } filters ? filters : new FilterCriteria(null),
                },
                "kmsKeyArn" => request with { KmsKeyArn = desired.KmsKeyArn ?? "" },
                "metricsConfig" => request with
                {
                    MetricsConfig = desired.MetricsConfig is { Metrics.Count: > 0 } metrics ? metrics : new MetricsConfig([]),
                },
                "loggingConfig" => request with { LoggingConfig = desired.LoggingConfig },
                "scalingConfig" => request with
                {
                    ScalingConfig = desired.ScalingConfig is { MaximumConcurrency: not null } scaling ? scaling : new ScalingConfig(null),
                },
                "maximumBatchingWindowInSeconds" => request with
                {
                    MaximumBatchingWindowInSeconds = desired.MaximumBatchingWindowInSeconds ?? DocumentedDefaults.MaximumBatchingWindowInSeconds(kind),
                },
                "parallelizationFactor" => request with { ParallelizationFactor = desired.ParallelizationFactor ?? 1 },
                "destinationConfig" => request with
                {
                    DestinationConfig = string.IsNullOrEmpty(desired.DestinationConfig?.OnFailure?.Destination)
                        ? new DestinationConfig(null, null)
                        : new DestinationConfig(desired.DestinationConfig!.OnFailure, null),
                },
                "maximumRecordAgeInSeconds" => request with { MaximumRecordAgeInSeconds = desired.MaximumRecordAgeInSeconds ?? -1 },
                "bisectBatchOnFunctionError" => request with { BisectBatchOnFunctionError = desired.BisectBatchOnFunctionError ?? false },
                "maximumRetryAttempts" => request with { MaximumRetryAttempts = desired.MaximumRetryAttempts ?? -1 },
                "tumblingWindowInSeconds" => request with { TumblingWindowInSeconds = desired.TumblingWindowInSeconds ?? 0 },
                // Update may not carry a VIRTUAL_HOST entry; a change of it is a replace, so here it is unchanged.
                "sourceAccessConfigurations" => request with
                {
                    SourceAccessConfigurations = [.. (desired.SourceAccessConfigurations ?? []).Where(s => s.Type != "VIRTUAL_HOST")],
                },
                "functionResponseTypes" => request with { FunctionResponseTypes = desired.FunctionResponseTypes ?? [] },
                // The consumer group ID is create-only (a change of it is a replace): send only the schema registry.
                "amazonManagedKafkaEventSourceConfig" => request with
                {
                    AmazonManagedKafkaEventSourceConfig = new KafkaEventSourceConfig(null, desired.AmazonManagedKafkaEventSourceConfig?.SchemaRegistryConfig),
                },
                "selfManagedKafkaEventSourceConfig" => request with
                {
                    SelfManagedKafkaEventSourceConfig = new KafkaEventSourceConfig(null, desired.SelfManagedKafkaEventSourceConfig?.SchemaRegistryConfig),
                },
                "documentDBEventSourceConfig" => request with { DocumentDBEventSourceConfig = desired.DocumentDBEventSourceConfig },
                "provisionedPollerConfig" => request with { ProvisionedPollerConfig = desired.ProvisionedPollerConfig },
                _ => throw new ArgumentException($"'{member}' is not an updatable member", nameof(changedMembers)),
            };
        }
        return any ? request : null;
    }
}
