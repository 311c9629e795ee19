namespace Reconciler.Core.Model;

/// <summary>
/// Every member of CreateEventSourceMapping, in domain terms. A null member means "not given": on Create the
/// service default applies, on Update it means "no change". Enum values keep the API's spelling.
/// The same record is the desired spec (from a manifest), the body of Create and Update sent through
/// <see cref="Api.ILambdaMappingApi"/>, and the configuration part of a <see cref="LiveMapping"/>.
/// </summary>
public sealed record MappingConfiguration
{
    /// <summary>Function name, partial ARN or ARN, with an optional qualifier. In live state: the FunctionArn.</summary>
    public string? FunctionName { get; init; }
    public string? EventSourceArn { get; init; }
    /// <summary>In live state derived from State (Enabled/Enabling mean true).</summary>
    public bool? Enabled { get; init; }
    public int? BatchSize { get; init; }
    public FilterCriteria? FilterCriteria { get; init; }
    /// <summary>"" clears it on Update.</summary>
    public string? KmsKeyArn { get; init; }
    public MetricsConfig? MetricsConfig { get; init; }
    public LoggingConfig? LoggingConfig { get; init; }
    public ScalingConfig? ScalingConfig { get; init; }
    public int? MaximumBatchingWindowInSeconds { get; init; }
    public int? ParallelizationFactor { get; init; }
    /// <summary>TRIM_HORIZON, LATEST or AT_TIMESTAMP.</summary>
    public string? StartingPosition { get; init; }
    public DateTimeOffset? StartingPositionTimestamp { get; init; }
    public DestinationConfig? DestinationConfig { get; init; }
    public int? MaximumRecordAgeInSeconds { get; init; }
    public bool? BisectBatchOnFunctionError { get; init; }
    public int? MaximumRetryAttempts { get; init; }
    /// <summary>Only on Create; live tags come from ListTags, never from this record.</summary>
    public IReadOnlyDictionary<string, string>? Tags { get; init; }
    public int? TumblingWindowInSeconds { get; init; }
    public IReadOnlyList<string>? Topics { get; init; }
    public IReadOnlyList<string>? Queues { get; init; }
    public IReadOnlyList<SourceAccessConfiguration>? SourceAccessConfigurations { get; init; }
    public SelfManagedEventSource? SelfManagedEventSource { get; init; }
    /// <summary>ReportBatchItemFailures; an empty list clears it on Update.</summary>
    public IReadOnlyList<string>? FunctionResponseTypes { get; init; }
    public KafkaEventSourceConfig? AmazonManagedKafkaEventSourceConfig { get; init; }
    public KafkaEventSourceConfig? SelfManagedKafkaEventSourceConfig { get; init; }
    public DocumentDBEventSourceConfig? DocumentDBEventSourceConfig { get; init; }
    public ProvisionedPollerConfig? ProvisionedPollerConfig { get; init; }
    /// <summary>Members of the API model this record has no property for (ones the model gained after it was written),
    /// by wire name, their values as the model's JSON. Every step that works from the field table
    /// (<see cref="Fields.MappingFields"/>) carries them: read from a manifest, diffed, sent, exported and saved.</summary>
    public IReadOnlyDictionary<string, System.Text.Json.Nodes.JsonNode>? OtherMembers { get; init; }
}
