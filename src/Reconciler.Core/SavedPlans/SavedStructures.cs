using System.Text.Json.Serialization;

namespace Reconciler.Core.SavedPlans;

// The nested shapes of a saved configuration, one DTO each, mirroring Model/Structures.cs in the saved-plan
// format's own names (camelCase, as in manifests). Kept apart from the domain records so the file format stays
// fixed when the domain changes.

public sealed record SavedFilterCriteria([property: JsonPropertyName("filters")] IReadOnlyList<SavedFilter>? Filters);

public sealed record SavedFilter([property: JsonPropertyName("pattern")] string? Pattern);

public sealed record SavedMetricsConfig([property: JsonPropertyName("metrics")] IReadOnlyList<string>? Metrics);

public sealed record SavedLoggingConfig([property: JsonPropertyName("systemLogLevel")] string? SystemLogLevel);

public sealed record SavedScalingConfig([property: JsonPropertyName("maximumConcurrency")] int? MaximumConcurrency);

public sealed record SavedDestinationConfig(
    [property: JsonPropertyName("onFailure")] SavedDestination? OnFailure,
    [property: JsonPropertyName("onSuccess")] SavedDestination? OnSuccess);

public sealed record SavedDestination([property: JsonPropertyName("destination")] string? Destination);

public sealed record SavedTypeUri(
    [property: JsonPropertyName("type")] string? Type,
    [property: JsonPropertyName("uri")] string? Uri);

public sealed record SavedSelfManagedEventSource(
    [property: JsonPropertyName("endpoints")] IReadOnlyDictionary<string, IReadOnlyList<string>>? Endpoints);

public sealed record SavedKafkaConfig(
    [property: JsonPropertyName("consumerGroupId")] string? ConsumerGroupId,
    [property: JsonPropertyName("schemaRegistryConfig")] SavedSchemaRegistryConfig? SchemaRegistryConfig);

public sealed record SavedSchemaRegistryConfig(
    [property: JsonPropertyName("schemaRegistryUri")] string? SchemaRegistryUri,
    [property: JsonPropertyName("eventRecordFormat")] string? EventRecordFormat,
    [property: JsonPropertyName("accessConfigs")] IReadOnlyList<SavedTypeUri>? AccessConfigs,
    [property: JsonPropertyName("schemaValidationConfigs")] IReadOnlyList<SavedSchemaValidationConfig>? SchemaValidationConfigs);

public sealed record SavedSchemaValidationConfig([property: JsonPropertyName("attribute")] string? Attribute);

public sealed record SavedDocumentDbConfig(
    [property: JsonPropertyName("databaseName")] string? DatabaseName,
    [property: JsonPropertyName("collectionName")] string? CollectionName,
    [property: JsonPropertyName("fullDocument")] string? FullDocument);

public sealed record SavedProvisionedPollerConfig(
    [property: JsonPropertyName("minimumPollers")] int? MinimumPollers,
    [property: JsonPropertyName("maximumPollers")] int? MaximumPollers,
    [property: JsonPropertyName("pollerGroupName")] string? PollerGroupName);
