using Reconciler.Core.Model;
using Reconciler.Emulator.ControlPlane;

namespace Reconciler.Emulator.Persistence;

/// <summary>Between the control plane's store and the state file's DTOs, both ways, losing nothing.</summary>
internal static class LocalStateMapper
{
    public static LocalStateDocument ToDocument(MappingStore store) => new()
    {
        FormatVersion = LocalStateDocument.CurrentFormatVersion,
        NextSequence = store.NextSequence,
        Mappings = store.Mappings.Select(ToPersisted).ToList(),
    };

    public static MappingStore ToStore(LocalStateDocument document)
    {
        var store = new MappingStore();
        foreach (var mapping in document.Mappings.OrderBy(m => m.Sequence)) store.Add(ToStored(mapping));
        store.NextSequence = Math.Max(store.NextSequence, document.NextSequence);
        return store;
    }

    private static PersistedMapping ToPersisted(StoredMapping m) => new()
    {
        Uuid = m.Uuid,
        Sequence = m.Sequence,
        EventSourceMappingArn = m.EventSourceMappingArn,
        FunctionArn = m.FunctionArn,
        Enabled = m.Enabled,
        TransitionState = m.Transition?.State,
        TransitionStartedAt = m.Transition?.StartedAt,
        LastModified = m.LastModified,
        StateTransitionReason = m.StateTransitionReason,
        Tags = new Dictionary<string, string>(m.Tags),
        Settings = ToPersisted(m.Configuration),
    };

    private static StoredMapping ToStored(PersistedMapping p) => new()
    {
        Uuid = p.Uuid,
        Sequence = p.Sequence,
        EventSourceMappingArn = p.EventSourceMappingArn,
        FunctionArn = p.FunctionArn,
        Enabled = p.Enabled,
        Transition = p is { TransitionState: { } state, TransitionStartedAt: { } started } ? new MappingTransition(state, started) : null,
        LastModified = p.LastModified,
        StateTransitionReason = p.StateTransitionReason ?? "USER_INITIATED",
        Tags = new Dictionary<string, string>(p.Tags, StringComparer.Ordinal),
        Configuration = ToConfiguration(p.Settings) with { FunctionName = p.FunctionArn },
    };

    private static PersistedSettings ToPersisted(MappingConfiguration c) => new()
    {
        EventSourceArn = c.EventSourceArn,
        BatchSize = c.BatchSize,
        Filters = c.FilterCriteria?.Filters?.Select(f => new PersistedFilter(f.Pattern)).ToList(),
        KmsKeyArn = c.KmsKeyArn,
        Metrics = c.MetricsConfig?.Metrics?.ToList(),
        SystemLogLevel = c.LoggingConfig?.SystemLogLevel,
        ScalingMaximumConcurrency = c.ScalingConfig?.MaximumConcurrency,
        MaximumBatchingWindowInSeconds = c.MaximumBatchingWindowInSeconds,
        ParallelizationFactor = c.ParallelizationFactor,
        StartingPosition = c.StartingPosition,
        StartingPositionTimestamp = c.StartingPositionTimestamp,
        DestinationConfig = c.DestinationConfig is { } d
            ? new PersistedDestinationConfig(
                d.OnFailure is null ? null : new PersistedDestination(d.OnFailure.Destination),
                d.OnSuccess is null ? null : new PersistedDestination(d.OnSuccess.Destination))
            : null,
        MaximumRecordAgeInSeconds = c.MaximumRecordAgeInSeconds,
        BisectBatchOnFunctionError = c.BisectBatchOnFunctionError,
        MaximumRetryAttempts = c.MaximumRetryAttempts,
        TumblingWindowInSeconds = c.TumblingWindowInSeconds,
        Topics = c.Topics?.ToList(),
        Queues = c.Queues?.ToList(),
        SourceAccessConfigurations = c.SourceAccessConfigurations?.Select(a => new PersistedAccessConfiguration(a.Type, a.Uri)).ToList(),
        SelfManagedEndpoints = c.SelfManagedEventSource?.Endpoints?.ToDictionary(e => e.Key, e => e.Value.ToList()),
        FunctionResponseTypes = c.FunctionResponseTypes?.ToList(),
        AmazonManagedKafkaEventSourceConfig = ToPersisted(c.AmazonManagedKafkaEventSourceConfig),
        SelfManagedKafkaEventSourceConfig = ToPersisted(c.SelfManagedKafkaEventSourceConfig),
        DocumentDbEventSourceConfig = c.DocumentDBEventSourceConfig is { } doc
            ? new PersistedDocumentDbConfig(doc.DatabaseName, doc.CollectionName, doc.FullDocument)
            : null,
        ProvisionedPollerConfig = c.ProvisionedPollerConfig is { } p
            ? new PersistedPollerConfig(p.MinimumPollers, p.MaximumPollers, p.PollerGroupName)
            : null,
    };

    private static MappingConfiguration ToConfiguration(PersistedSettings s) => new()
    {
        EventSourceArn = s.EventSourceArn,
        BatchSize = s.BatchSize,
        FilterCriteria = s.Filters is { } filters ? new FilterCriteria(filters.Select(f => new Filter(f.Pattern)).ToList()) : null,
        KmsKeyArn = s.KmsKeyArn,
        MetricsConfig = s.Metrics is { } metrics ? new MetricsConfig(metrics) : null,
        LoggingConfig = s.SystemLogLevel is { } level ? new LoggingConfig(level) : null,
        ScalingConfig = s.ScalingMaximumConcurrency is { } concurrency ? new ScalingConfig(concurrency) : null,
        MaximumBatchingWindowInSeconds = s.MaximumBatchingWindowInSeconds,
        ParallelizationFactor = s.ParallelizationFactor,
        StartingPosition = s.StartingPosition,
        StartingPositionTimestamp = s.StartingPositionTimestamp,
        DestinationConfig = s.DestinationConfig is { } d
            ? new DestinationConfig(
                d.OnFailure is null ? null : new OnFailure(d.OnFailure.Destination),
                d.OnSuccess is null ? null : new OnSuccess(d.OnSuccess.Destination))
            : null,
        MaximumRecordAgeInSeconds = s.MaximumRecordAgeInSeconds,
        BisectBatchOnFunctionError = s.BisectBatchOnFunctionError,
        MaximumRetryAttempts = s.MaximumRetryAttempts,
        TumblingWindowInSeconds = s.TumblingWindowInSeconds,
        Topics = s.Topics,
        Queues = s.Queues,
        SourceAccessConfigurations = s.SourceAccessConfigurations?.Select(a => new SourceAccessConfiguration(a.Type, a.Uri)).ToList(),
        SelfManagedEventSource = s.SelfManagedEndpoints is { } endpoints
            ? new SelfManagedEventSource(endpoints.ToDictionary(e => e.Key, e => (IReadOnlyList<string>)e.Value))
            : null,
        FunctionResponseTypes = s.FunctionResponseTypes,
        AmazonManagedKafkaEventSourceConfig = ToKafka(s.AmazonManagedKafkaEventSourceConfig),
        SelfManagedKafkaEventSourceConfig = ToKafka(s.SelfManagedKafkaEventSourceConfig),
        DocumentDBEventSourceConfig = s.DocumentDbEventSourceConfig is { } doc
            ? new DocumentDBEventSourceConfig(doc.DatabaseName, doc.CollectionName, doc.FullDocument)
            : null,
        ProvisionedPollerConfig = s.ProvisionedPollerConfig is { } p
            ? new ProvisionedPollerConfig(p.MinimumPollers, p.MaximumPollers, p.PollerGroupName)
            : null,
    };

    private static PersistedKafkaConfig? ToPersisted(KafkaEventSourceConfig? kafka) => kafka is null ? null : new(
        kafka.ConsumerGroupId,
        kafka.SchemaRegistryConfig is { } r
            ? new PersistedSchemaRegistryConfig(
                r.SchemaRegistryUri,
                r.EventRecordFormat,
                r.AccessConfigs?.Select(a => new PersistedAccessConfiguration(a.Type, a.Uri)).ToList(),
                r.SchemaValidationConfigs?.Select(v => v.Attribute).ToList())
            : null);

    private static KafkaEventSourceConfig? ToKafka(PersistedKafkaConfig? kafka) => kafka is null ? null : new(
        kafka.ConsumerGroupId,
        kafka.SchemaRegistryConfig is { } r
            ? new KafkaSchemaRegistryConfig(
                r.SchemaRegistryUri,
                r.EventRecordFormat,
                r.AccessConfigs?.Select(a => new KafkaSchemaRegistryAccessConfig(a.Type, a.Uri)).ToList(),
                r.SchemaValidationAttributes?.Select(a => new KafkaSchemaValidationConfig(a)).ToList())
            : null);
}
