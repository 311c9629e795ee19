using Reconciler.Core.Model;

namespace Reconciler.Emulator.ControlPlane;

/// <summary>
/// How UpdateEventSourceMapping changes a mapping: an absent member changes nothing, a present one replaces the
/// stored value, and an empty one (see <see cref="EmptyStructures"/>) removes it. Two documented immutables inside
/// updatable structures are enforced here: a Kafka ConsumerGroupId cannot change, and VIRTUAL_HOST entries cannot
/// be sent, so the existing ones are kept whatever list replaces the others.
/// </summary>
internal static class UpdateMerge
{
    public static MappingConfiguration Apply(MappingConfiguration current, MappingConfiguration changes)
    {
        var dropped = EmptyStructures.Drop(changes);
        return current with
        {
            BatchSize = changes.BatchSize ?? current.BatchSize,
            FilterCriteria = changes.FilterCriteria is null ? current.FilterCriteria : dropped.FilterCriteria,
            KmsKeyArn = changes.KmsKeyArn is null ? current.KmsKeyArn : dropped.KmsKeyArn,
            MetricsConfig = changes.MetricsConfig is null ? current.MetricsConfig : dropped.MetricsConfig,
            LoggingConfig = changes.LoggingConfig is null ? current.LoggingConfig : dropped.LoggingConfig,
            ScalingConfig = changes.ScalingConfig is null ? current.ScalingConfig : dropped.ScalingConfig,
            MaximumBatchingWindowInSeconds = changes.MaximumBatchingWindowInSeconds ?? current.MaximumBatchingWindowInSeconds,
            ParallelizationFactor = changes.ParallelizationFactor ?? current.ParallelizationFactor,
            DestinationConfig = changes.DestinationConfig is null ? current.DestinationConfig : dropped.DestinationConfig,
            MaximumRecordAgeInSeconds = changes.MaximumRecordAgeInSeconds ?? current.MaximumRecordAgeInSeconds,
            BisectBatchOnFunctionError = changes.BisectBatchOnFunctionError ?? current.BisectBatchOnFunctionError,
            MaximumRetryAttempts = changes.MaximumRetryAttempts ?? current.MaximumRetryAttempts,
            TumblingWindowInSeconds = changes.TumblingWindowInSeconds ?? current.TumblingWindowInSeconds,
            SourceAccessConfigurations = changes.SourceAccessConfigurations is null
                ? current.SourceAccessConfigurations
                : KeepVirtualHosts(current.SourceAccessConfigurations, changes.SourceAccessConfigurations),
            FunctionResponseTypes = changes.FunctionResponseTypes is null ? current.FunctionResponseTypes : dropped.FunctionResponseTypes,
            AmazonManagedKafkaEventSourceConfig = MergeKafka(current.AmazonManagedKafkaEventSourceConfig, changes.AmazonManagedKafkaEventSourceConfig),
            SelfManagedKafkaEventSourceConfig = MergeKafka(current.SelfManagedKafkaEventSourceConfig, changes.SelfManagedKafkaEventSourceConfig),
            DocumentDBEventSourceConfig = changes.DocumentDBEventSourceConfig ?? current.DocumentDBEventSourceConfig,
            ProvisionedPollerConfig = changes.ProvisionedPollerConfig is null ? current.ProvisionedPollerConfig : dropped.ProvisionedPollerConfig,
        };
    }

    private static IReadOnlyList<SourceAccessConfiguration>? KeepVirtualHosts(
        IReadOnlyList<SourceAccessConfiguration>? current, IReadOnlyList<SourceAccessConfiguration> replacement)
    {
        var kept = (current ?? []).Where(c => c.Type == EnumValues.VirtualHost).Concat(replacement).ToList();
        return kept.Count == 0 ? null : kept;
    }

    private static KafkaEventSourceConfig? MergeKafka(KafkaEventSourceConfig? current, KafkaEventSourceConfig? change)
    {
        if (change is null) return current;
        if (change.ConsumerGroupId is { } group && group != current?.ConsumerGroupId)
            throw ApiErrors.InvalidParameter(
                $"ConsumerGroupId cannot be updated (current: '{current?.ConsumerGroupId}', requested: '{group}'). Delete the event source mapping and create a new one.");
        var merged = change with { ConsumerGroupId = current?.ConsumerGroupId };
        return merged is { ConsumerGroupId: null, SchemaRegistryConfig: null } ? null : merged;
    }
}
