namespace Reconciler.Emulator.Persistence;

/// <summary>Version 1 of the state file only (read, never written): the effective settings of a mapping (what Get reports, less identity and state). Stored settings never
/// hold empty structures (they are dropped on the way in), so ScalingConfig, FilterCriteria, MetricsConfig,
/// LoggingConfig and SelfManagedEventSource are flattened to their one member: null means the structure is absent.</summary>
internal sealed record PersistedSettings
{
    public string? EventSourceArn { get; init; }
    public int? BatchSize { get; init; }
    public List<PersistedFilter>? Filters { get; init; }
    public string? KmsKeyArn { get; init; }
    public List<string>? Metrics { get; init; }
    public string? SystemLogLevel { get; init; }
    public int? ScalingMaximumConcurrency { get; init; }
    public int? MaximumBatchingWindowInSeconds { get; init; }
    public int? ParallelizationFactor { get; init; }
    public string? StartingPosition { get; init; }
    public DateTimeOffset? StartingPositionTimestamp { get; init; }
    public PersistedDestinationConfig? DestinationConfig { get; init; }
    public int? MaximumRecordAgeInSeconds { get; init; }
    public bool? BisectBatchOnFunctionError { get; init; }
    public int? MaximumRetryAttempts { get; init; }
    public int? TumblingWindowInSeconds { get; init; }
    public List<string>? Topics { get; init; }
    public List<string>? Queues { get; init; }
    public List<PersistedAccessConfiguration>? SourceAccessConfigurations { get; init; }
    public Dictionary<string, List<string>>? SelfManagedEndpoints { get; init; }
    public List<string>? FunctionResponseTypes { get; init; }
    public PersistedKafkaConfig? AmazonManagedKafkaEventSourceConfig { get; init; }
    public PersistedKafkaConfig? SelfManagedKafkaEventSourceConfig { get; init; }
    public PersistedDocumentDbConfig? DocumentDbEventSourceConfig { get; init; }
    public PersistedPollerConfig? ProvisionedPollerConfig { get; init; }
}
