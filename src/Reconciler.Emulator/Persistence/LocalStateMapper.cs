using System.Text.Json.Nodes;
using Reconciler.Core.Model;
using Reconciler.Emulator.ControlPlane;
using Reconciler.Emulator.Wire;

namespace Reconciler.Emulator.Persistence;

/// <summary>Between the control plane's store and the state file's DTOs: version 2 both ways, losing nothing (the
/// settings are kept in the control plane's own wire form), and version 1 one way, on reading.</summary>
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
        LastProcessingResult = m.LastProcessingResult,
        Tags = new Dictionary<string, string>(m.Tags),
        Configuration = (JsonObject)m.Settings.DeepClone(),
    };

    private static StoredMapping ToStored(PersistedMapping p)
    {
        var settings = p.Configuration is { } configuration
            ? Checked(configuration, p.Uuid)
            : FromVersion1(p.Settings ?? throw new LocalStateException($"Mapping {p.Uuid} in the state file has no settings."));
        var behaviour = ControlPlaneModel.Embedded.Behaviours;
        var kind = StoredMapping.KindOf(settings);
        return new StoredMapping
        {
            Uuid = p.Uuid,
            Sequence = p.Sequence,
            EventSourceMappingArn = p.EventSourceMappingArn,
            FunctionArn = p.FunctionArn,
            Enabled = p.Enabled,
            Transition = p is { TransitionState: { } state, TransitionStartedAt: { } started } ? new MappingTransition(state, started) : null,
            LastModified = p.LastModified,
            StateTransitionReason = p.StateTransitionReason ?? "USER_INITIATED",
            // Version 1 did not keep it: a mapping of a kind that shows one shows what a new one does.
            LastProcessingResult = p.Configuration is not null || kind == SourceKind.Unknown ? p.LastProcessingResult : behaviour.For(kind).InitialProcessingResult,
            Tags = new Dictionary<string, string>(p.Tags, StringComparer.Ordinal),
            Settings = settings,
        };
    }

    /// <summary>A hand-edited file may hold anything: a member the model's mapping does not have, or one that does not
    /// read as its type, is refused here with the mapping named, rather than failing later.</summary>
    private static JsonObject Checked(JsonObject configuration, string uuid)
    {
        var shape = ControlPlaneModel.Embedded.Api.Shape("EventSourceMappingConfiguration");
        foreach (var (name, _) in configuration)
        {
            if (shape.Member(name) is null || name is "UUID" or "FunctionArn" or "State")
                throw new LocalStateException($"Mapping {uuid} in the state file has an unknown configuration member '{name}'. Fix or remove the file.");
        }
        try
        {
            WireConfiguration.Read(configuration);
        }
        catch (Exception e) when (e is WireFormatException or InvalidOperationException)
        {
            throw new LocalStateException($"Mapping {uuid} in the state file has an unreadable configuration: {e.Message} Fix or remove the file.", e);
        }
        return (JsonObject)configuration.DeepClone();
    }

    /// <summary>A version 1 mapping's typed settings in the control plane's wire form (empty values were never stored).</summary>
    private static JsonObject FromVersion1(PersistedSettings settings)
    {
        var wire = WireConfiguration.Write(ToConfiguration(settings));
        return ControlPlane.JsonTree.Pruned(wire);
    }

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
