using System.Text.Json.Serialization;

namespace Reconciler.Core.SavedPlans;

/// <summary>A <see cref="Model.MappingConfiguration"/> as a saved plan stores it: a request to send again later,
/// so every member survives (null means "not given", exactly as in the domain record).</summary>
public sealed record SavedConfiguration
{
    [JsonPropertyName("functionName")] public string? FunctionName { get; init; }
    [JsonPropertyName("eventSourceArn")] public string? EventSourceArn { get; init; }
    [JsonPropertyName("enabled")] public bool? Enabled { get; init; }
    [JsonPropertyName("batchSize")] public int? BatchSize { get; init; }
    [JsonPropertyName("filterCriteria")] public SavedFilterCriteria? FilterCriteria { get; init; }
    [JsonPropertyName("kmsKeyArn")] public string? KmsKeyArn { get; init; }
    [JsonPropertyName("metricsConfig")] public SavedMetricsConfig? MetricsConfig { get; init; }
    [JsonPropertyName("loggingConfig")] public SavedLoggingConfig? LoggingConfig { get; init; }
    [JsonPropertyName("scalingConfig")] public SavedScalingConfig? ScalingConfig { get; init; }
    [JsonPropertyName("maximumBatchingWindowInSeconds")] public int? MaximumBatchingWindowInSeconds { get; init; }
    [JsonPropertyName("parallelizationFactor")] public int? ParallelizationFactor { get; init; }
    [JsonPropertyName("startingPosition")] public string? StartingPosition { get; init; }
    [JsonPropertyName("startingPositionTimestamp")] public DateTimeOffset? StartingPositionTimestamp { get; init; }
    [JsonPropertyName("destinationConfig")] public SavedDestinationConfig? DestinationConfig { get; init; }
    [JsonPropertyName("maximumRecordAgeInSeconds")] public int? MaximumRecordAgeInSeconds { get; init; }
    [JsonPropertyName("bisectBatchOnFunctionError")] public bool? BisectBatchOnFunctionError { get; init; }
    [JsonPropertyName("maximumRetryAttempts")] public int? MaximumRetryAttempts { get; init; }
    [JsonPropertyName("tags")] public IReadOnlyDictionary<string, string>? Tags { get; init; }
    [JsonPropertyName("tumblingWindowInSeconds")] public int? TumblingWindowInSeconds { get; init; }
    [JsonPropertyName("topics")] public IReadOnlyList<string>? Topics { get; init; }
    [JsonPropertyName("queues")] public IReadOnlyList<string>? Queues { get; init; }
    [JsonPropertyName("sourceAccessConfigurations")] public IReadOnlyList<SavedTypeUri>? SourceAccessConfigurations { get; init; }
    [JsonPropertyName("selfManagedEventSource")] public SavedSelfManagedEventSource? SelfManagedEventSource { get; init; }
    [JsonPropertyName("functionResponseTypes")] public IReadOnlyList<string>? FunctionResponseTypes { get; init; }
    [JsonPropertyName("amazonManagedKafkaEventSourceConfig")] public SavedKafkaConfig? AmazonManagedKafkaEventSourceConfig { get; init; }
    [JsonPropertyName("selfManagedKafkaEventSourceConfig")] public SavedKafkaConfig? SelfManagedKafkaEventSourceConfig { get; init; }
    [JsonPropertyName("documentDBEventSourceConfig")] public SavedDocumentDbConfig? DocumentDBEventSourceConfig { get; init; }
    [JsonPropertyName("provisionedPollerConfig")] public SavedProvisionedPollerConfig? ProvisionedPollerConfig { get; init; }
}
