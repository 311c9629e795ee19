namespace Reconciler.Emulator.Persistence;

// Version 1 of the state file only (read, never written): the nested shapes of a persisted mapping.

internal sealed record PersistedFilter(string? Pattern);

internal sealed record PersistedDestinationConfig(PersistedDestination? OnFailure, PersistedDestination? OnSuccess);

internal sealed record PersistedDestination(string? Destination);

internal sealed record PersistedAccessConfiguration(string? Type, string? Uri);

internal sealed record PersistedKafkaConfig(string? ConsumerGroupId, PersistedSchemaRegistryConfig? SchemaRegistryConfig);

internal sealed record PersistedSchemaRegistryConfig(
    string? SchemaRegistryUri,
    string? EventRecordFormat,
    List<PersistedAccessConfiguration>? AccessConfigs,
    List<string?>? SchemaValidationAttributes);

internal sealed record PersistedDocumentDbConfig(string? DatabaseName, string? CollectionName, string? FullDocument);

internal sealed record PersistedPollerConfig(int? MinimumPollers, int? MaximumPollers, string? PollerGroupName);
