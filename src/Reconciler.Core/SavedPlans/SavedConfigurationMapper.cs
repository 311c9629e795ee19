using Reconciler.Core.Model;

namespace Reconciler.Core.SavedPlans;

/// <summary>Both directions between <see cref="MappingConfiguration"/> and its saved form; a round trip is the identity.</summary>
public static class SavedConfigurationMapper
{
    public static SavedConfiguration? ToSaved(MappingConfiguration? c) => c is null ? null : new SavedConfiguration
    {
        FunctionName = c.FunctionName,
        EventSourceArn = c.EventSourceArn,
        Enabled = c.Enabled,
        BatchSize = c.BatchSize,
        FilterCriteria = c.FilterCriteria is { } fc ? new SavedFilterCriteria(fc.Filters?.Select(f => new SavedFilter(f.Pattern)).ToList()) : null,
        KmsKeyArn = c.KmsKeyArn,
        MetricsConfig = c.MetricsConfig is { } m ? new SavedMetricsConfig(m.Metrics?.ToList()) : null,
        LoggingConfig = c.LoggingConfig is { } l ? new SavedLoggingConfig(l.SystemLogLevel) : null,
        ScalingConfig = c.ScalingConfig is { } s ? new SavedScalingConfig(s.MaximumConcurrency) : null,
        MaximumBatchingWindowInSeconds = c.MaximumBatchingWindowInSeconds,
        ParallelizationFactor = c.ParallelizationFactor,
        StartingPosition = c.StartingPosition,
        StartingPositionTimestamp = c.StartingPositionTimestamp,
        DestinationConfig = c.DestinationConfig is { } d
            ? new SavedDestinationConfig(
                d.OnFailure is { } f ? new SavedDestination(f.Destination) : null,
                d.OnSuccess is { } o ? new SavedDestination(o.Destination) : null)
            : null,
        MaximumRecordAgeInSeconds = c.MaximumRecordAgeInSeconds,
        BisectBatchOnFunctionError = c.BisectBatchOnFunctionError,
        MaximumRetryAttempts = c.MaximumRetryAttempts,
        Tags = c.Tags is { } tags ? new SortedDictionary<string, string>(tags.ToDictionary(), StringComparer.Ordinal) : null,
        TumblingWindowInSeconds = c.TumblingWindowInSeconds,
        Topics = c.Topics?.ToList(),
        Queues = c.Queues?.ToList(),
        SourceAccessConfigurations = c.SourceAccessConfigurations?.Select(a => new SavedTypeUri(a.Type, a.Uri)).ToList(),
        SelfManagedEventSource = c.SelfManagedEventSource is { } sm
            ? new SavedSelfManagedEventSource(sm.Endpoints?.ToDictionary(e => e.Key, e => (IReadOnlyList<string>)e.Value.ToList()))
            : null,
        FunctionResponseTypes = c.FunctionResponseTypes?.ToList(),
        AmazonManagedKafkaEventSourceConfig = ToSaved(c.AmazonManagedKafkaEventSourceConfig),
        SelfManagedKafkaEventSourceConfig = ToSaved(c.SelfManagedKafkaEventSourceConfig),
        DocumentDBEventSourceConfig = c.DocumentDBEventSourceConfig is { } db
            ? new SavedDocumentDbConfig(db.DatabaseName, db.CollectionName, db.FullDocument)
            : null,
        ProvisionedPollerConfig = c.ProvisionedPollerConfig is { } p
            ? new SavedProvisionedPollerConfig(p.MinimumPollers, p.MaximumPollers, p.PollerGroupName)
            : null,
    };

    public static MappingConfiguration? ToDomain(SavedConfiguration? c) => c is null ? null : new MappingConfiguration
    {
        FunctionName = c.FunctionName,
        EventSourceArn = c.EventSourceArn,
        Enabled = c.Enabled,
        BatchSize = c.BatchSize,
        FilterCriteria = c.FilterCriteria is { } fc ? new FilterCriteria(fc.Filters?.Select(f => new Filter(f.Pattern)).ToList()) : null,
        KmsKeyArn = c.KmsKeyArn,
        MetricsConfig = c.MetricsConfig is { } m ? new MetricsConfig(m.Metrics?.ToList()) : null,
        LoggingConfig = c.LoggingConfig is { } l ? new LoggingConfig(l.SystemLogLevel) : null,
        ScalingConfig = c.ScalingConfig is { } s ? new ScalingConfig(s.MaximumConcurrency) : null,
        MaximumBatchingWindowInSeconds = c.MaximumBatchingWindowInSeconds,
        ParallelizationFactor = c.ParallelizationFactor,
        StartingPosition = c.StartingPosition,
        StartingPositionTimestamp = c.StartingPositionTimestamp,
        DestinationConfig = c.DestinationConfig is { } d
            ? new DestinationConfig(
                d.OnFailure is { } f ? new OnFailure(f.Destination) : null,
                d.OnSuccess is { } o ? new OnSuccess(o.Destination) : null)
            : null,
        MaximumRecordAgeInSeconds = c.MaximumRecordAgeInSeconds,
        BisectBatchOnFunctionError = c.BisectBatchOnFunctionError,
        MaximumRetryAttempts = c.MaximumRetryAttempts,
        Tags = c.Tags?.ToDictionary(StringComparer.Ordinal),
        TumblingWindowInSeconds = c.TumblingWindowInSeconds,
        Topics = c.Topics?.ToList(),
        Queues = c.Queues?.ToList(),
        SourceAccessConfigurations = c.SourceAccessConfigurations?.Select(a => new SourceAccessConfiguration(a.Type, a.Uri)).ToList(),
        SelfManagedEventSource = c.SelfManagedEventSource is { } sm
            ? new SelfManagedEventSource(sm.Endpoints?.ToDictionary(e => e.Key, e => (IReadOnlyList<string>)e.Value.ToList()))
            : null,
        FunctionResponseTypes = c.FunctionResponseTypes?.ToList(),
        AmazonManagedKafkaEventSourceConfig = ToDomain(c.AmazonManagedKafkaEventSourceConfig),
        SelfManagedKafkaEventSourceConfig = ToDomain(c.SelfManagedKafkaEventSourceConfig),
        DocumentDBEventSourceConfig = c.DocumentDBEventSourceConfig is { } db
            ? new DocumentDBEventSourceConfig(db.DatabaseName, db.CollectionName, db.FullDocument)
            : null,
        ProvisionedPollerConfig = c.ProvisionedPollerConfig is { } p
            ? new ProvisionedPollerConfig(p.MinimumPollers, p.MaximumPollers, p.PollerGroupName)
            : null,
    };

    private static SavedKafkaConfig? ToSaved(KafkaEventSourceConfig? k) => k is null ? null : new SavedKafkaConfig(
        k.ConsumerGroupId,
        k.SchemaRegistryConfig is { } r
            ? new SavedSchemaRegistryConfig(
                r.SchemaRegistryUri,
                r.EventRecordFormat,
                r.AccessConfigs?.Select(a => new SavedTypeUri(a.Type, a.Uri)).ToList(),
                r.SchemaValidationConfigs?.Select(v => new SavedSchemaValidationConfig(v.Attribute)).ToList())
            : null);

    private static KafkaEventSourceConfig? ToDomain(SavedKafkaConfig? k) => k is null ? null : new KafkaEventSourceConfig(
        k.ConsumerGroupId,
        k.SchemaRegistryConfig is { } r
            ? new KafkaSchemaRegistryConfig(
                r.SchemaRegistryUri,
                r.EventRecordFormat,
                r.AccessConfigs?.Select(a => new KafkaSchemaRegistryAccessConfig(a.Type, a.Uri)).ToList(),
                r.SchemaValidationConfigs?.Select(v => new KafkaSchemaValidationConfig(v.Attribute)).ToList())
            : null);
}
