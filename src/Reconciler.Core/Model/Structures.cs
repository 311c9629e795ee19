namespace Reconciler.Core.Model;

// The nested shapes of the API model, one record each. Null members are "not given"; an instance whose
// members are all null is the API's empty structure ({}), which is how Update clears ScalingConfig,
// FilterCriteria and DestinationConfig.

/// <summary>Filters null means {} (no filters).</summary>
public sealed record FilterCriteria(IReadOnlyList<Filter>? Filters);

/// <summary>Pattern is the JSON text of a filter pattern.</summary>
public sealed record Filter(string? Pattern);

/// <summary>Metrics: EventCount, ErrorCount, KafkaMetrics. An empty list clears it.</summary>
public sealed record MetricsConfig(IReadOnlyList<string>? Metrics);

/// <summary>SystemLogLevel: DEBUG, INFO or WARN.</summary>
public sealed record LoggingConfig(string? SystemLogLevel);

public sealed record ScalingConfig(int? MaximumConcurrency);

public sealed record DestinationConfig(OnFailure? OnFailure, OnSuccess? OnSuccess);

public sealed record OnFailure(string? Destination);

public sealed record OnSuccess(string? Destination);

/// <summary>Type: BASIC_AUTH, VPC_SUBNET, VPC_SECURITY_GROUP, SASL_SCRAM_512_AUTH, SASL_SCRAM_256_AUTH, VIRTUAL_HOST,
/// CLIENT_CERTIFICATE_TLS_AUTH, SERVER_ROOT_CA_CERTIFICATE.</summary>
public sealed record SourceAccessConfiguration(string? Type, string? Uri);

/// <summary>Endpoints: key KAFKA_BOOTSTRAP_SERVERS, value a list of host:port.</summary>
public sealed record SelfManagedEventSource(IReadOnlyDictionary<string, IReadOnlyList<string>>? Endpoints);

/// <summary>The members of AmazonManagedKafkaEventSourceConfig and SelfManagedKafkaEventSourceConfig (identical shapes).</summary>
public sealed record KafkaEventSourceConfig(string? ConsumerGroupId, KafkaSchemaRegistryConfig? SchemaRegistryConfig);

/// <summary>EventRecordFormat: JSON or SOURCE.</summary>
public sealed record KafkaSchemaRegistryConfig(
    string? SchemaRegistryUri,
    string? EventRecordFormat,
    IReadOnlyList<KafkaSchemaRegistryAccessConfig>? AccessConfigs,
    IReadOnlyList<KafkaSchemaValidationConfig>? SchemaValidationConfigs);

/// <summary>Type: BASIC_AUTH, CLIENT_CERTIFICATE_TLS_AUTH, SERVER_ROOT_CA_CERTIFICATE.</summary>
public sealed record KafkaSchemaRegistryAccessConfig(string? Type, string? Uri);

/// <summary>Attribute: KEY or VALUE.</summary>
public sealed record KafkaSchemaValidationConfig(string? Attribute);

/// <summary>FullDocument: UpdateLookup or Default.</summary>
public sealed record DocumentDBEventSourceConfig(string? DatabaseName, string? CollectionName, string? FullDocument);

public sealed record ProvisionedPollerConfig(int? MinimumPollers, int? MaximumPollers, string? PollerGroupName);

/// <summary>Response only: why encrypted filter criteria could not be read.</summary>
public sealed record FilterCriteriaError(string? ErrorCode, string? Message);
