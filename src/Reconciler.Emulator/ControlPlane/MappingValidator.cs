using System.Text.Json;
using System.Text.RegularExpressions;
using Reconciler.Core.Model;

namespace Reconciler.Emulator.ControlPlane;

/// <summary>
/// What the service rejects with InvalidParameterValueException: model ranges, lengths and enums, the rules the
/// documentation states in prose (FIFO batch size, batching window, minimum record age, per-source parameters),
/// and create-only members sent to Update. Every check reads an effective configuration with empty structures
/// already dropped, so an empty value sent to clear something is never mistaken for a setting.
/// </summary>
internal static partial class MappingValidator
{
    /// <summary>Checks the parts of a Create request that only Create has; returns the kind of source.</summary>
    public static SourceKind ValidateCreateOnly(MappingConfiguration request, DateTimeOffset now)
    {
        Require(!string.IsNullOrEmpty(request.FunctionName), "FunctionName is required.");
        var hasArn = !string.IsNullOrEmpty(request.EventSourceArn);
        var hasSelfManaged = request.SelfManagedEventSource is not null;
        Require(hasArn || hasSelfManaged, "Either EventSourceArn or SelfManagedEventSource must be specified.");
        Require(!(hasArn && hasSelfManaged), "EventSourceArn and SelfManagedEventSource cannot both be specified.");
        if (hasArn)
        {
            Require(request.EventSourceArn!.Length <= 10000, "EventSourceArn must be at most 10000 characters.");
            Require(EventSource.KindOfArn(request.EventSourceArn) != SourceKind.Unknown,
                $"Unrecognized event source, must be an SQS queue, Kinesis or DynamoDB stream, MSK cluster, MQ broker or DocumentDB change stream: {request.EventSourceArn}");
        }
        var kind = EventSource.KindOf(request);

        if (request.SelfManagedEventSource is { } selfManaged) ValidateEndpoints(selfManaged);

        if (request.StartingPosition is { } position)
        {
            RequireEnum(position, EnumValues.StartingPositions, "StartingPosition");
            Require(SourceSupport.AcceptsStartingPosition(kind), $"StartingPosition is not supported for {SourceSupport.Label(kind)} event sources.");
            Require(position != "AT_TIMESTAMP" || SourceSupport.AcceptsAtTimestamp(kind),
                $"AT_TIMESTAMP is not supported for {SourceSupport.Label(kind)} event sources.");
        }
        else
        {
            Require(!SourceSupport.RequiresStartingPosition(kind), $"StartingPosition is required for {SourceSupport.Label(kind)} event sources.");
        }
        if (request.StartingPosition == "AT_TIMESTAMP")
        {
            Require(request.StartingPositionTimestamp is not null, "StartingPositionTimestamp is required when StartingPosition is AT_TIMESTAMP.");
            Require(request.StartingPositionTimestamp <= now, "StartingPositionTimestamp cannot be in the future.");
        }
        else
        {
            Require(request.StartingPositionTimestamp is null, "StartingPositionTimestamp is only valid with StartingPosition AT_TIMESTAMP.");
        }

        if (request.Topics is { } topics)
        {
            Require(EventSource.IsKafka(kind), $"Topics are not supported for {SourceSupport.Label(kind)} event sources.");
            Require(topics.Count == 1, "Topics must contain exactly one topic.");
            Require(topics[0].Length is >= 1 and <= 249 && TopicPattern().IsMatch(topics[0]), $"Topic '{topics[0]}' is not a valid Kafka topic name.");
        }
        if (request.Queues is { } queues)
        {
            Require(kind == SourceKind.AmazonMq, $"Queues are not supported for {SourceSupport.Label(kind)} event sources.");
            Require(queues.Count == 1, "Queues must contain exactly one queue.");
            Require(queues[0].Length is >= 1 and <= 1000, "Queue names must be 1 to 1000 characters.");
        }
        if (request.Tags is { } tags) TagRules.Validate(tags, existingCount: 0);
        return kind;
    }

    /// <summary>Update has no member for these; sending one is an error, not a silent no-op.</summary>
    public static void RejectCreateOnlyMembers(MappingConfiguration changes)
    {
        RejectPresent(changes.EventSourceArn, "EventSourceArn");
        RejectPresent(changes.StartingPosition, "StartingPosition");
        RejectPresent(changes.StartingPositionTimestamp, "StartingPositionTimestamp");
        RejectPresent(changes.Topics, "Topics");
        RejectPresent(changes.Queues, "Queues");
        RejectPresent(changes.SelfManagedEventSource, "SelfManagedEventSource");
        RejectPresent(changes.Tags, "Tags");
        // "This property cannot be specified in an UpdateEventSourceMapping API call."
        Require(changes.SourceAccessConfigurations?.Any(c => c.Type == EnumValues.VirtualHost) != true,
            "SourceAccessConfigurations of type VIRTUAL_HOST cannot be specified in an UpdateEventSourceMapping call.");
    }

    /// <summary>The checks both Create and Update apply to the configuration the mapping would end up with.</summary>
    public static void ValidateSettings(MappingConfiguration c, SourceKind kind)
    {
        var label = SourceSupport.Label(kind);
        if (c.BatchSize is { } batch)
        {
            InRange(batch, 1, 10000, "BatchSize");
            Require(!EventSource.IsFifoQueue(c.EventSourceArn) || batch <= 10, "BatchSize must be at most 10 for a FIFO queue.");
            Require(kind != SourceKind.Sqs || batch <= 10 || c.MaximumBatchingWindowInSeconds >= 1,
                "Maximum batch window in seconds must be greater than 0 if maximum batch size is greater than 10");
        }
        if (c.MaximumBatchingWindowInSeconds is { } window) InRange(window, 0, 300, "MaximumBatchingWindowInSeconds");

        UnsupportedUnless(c.ParallelizationFactor, EventSource.IsStream(kind), "ParallelizationFactor", label);
        if (c.ParallelizationFactor is { } parallel) InRange(parallel, 1, 10, "ParallelizationFactor");
        UnsupportedUnless(c.TumblingWindowInSeconds, EventSource.IsStream(kind), "TumblingWindowInSeconds", label);
        if (c.TumblingWindowInSeconds is { } tumbling) InRange(tumbling, 0, 900, "TumblingWindowInSeconds");

        var errorHandling = SourceSupport.IsStreamOrKafka(kind);
        UnsupportedUnless(c.MaximumRecordAgeInSeconds, errorHandling, "MaximumRecordAgeInSeconds", label);
        if (c.MaximumRecordAgeInSeconds is { } age)
        {
            InRange(age, -1, 604800, "MaximumRecordAgeInSeconds");
            Require(age is -1 or >= 60, "The minimum valid value for maximum record age is 60s.");
        }
        UnsupportedUnless(c.MaximumRetryAttempts, errorHandling, "MaximumRetryAttempts", label);
        if (c.MaximumRetryAttempts is { } retries) InRange(retries, -1, 10000, "MaximumRetryAttempts");
        UnsupportedUnless(c.BisectBatchOnFunctionError, errorHandling, "BisectBatchOnFunctionError", label);
        UnsupportedUnless(c.DestinationConfig, errorHandling, "DestinationConfig", label);
        if (c.DestinationConfig is { } destination) ValidateDestination(destination);

        UnsupportedUnless(c.ScalingConfig, kind == SourceKind.Sqs, "ScalingConfig", label);
        if (c.ScalingConfig?.MaximumConcurrency is { } concurrency) InRange(concurrency, 2, 1000, "ScalingConfig.MaximumConcurrency");

        if (c.FilterCriteria?.Filters is { } filters)
        {
            foreach (var filter in filters) ValidatePattern(filter.Pattern);
        }
        if (c.KmsKeyArn is { } kms)
        {
            Require(kms.Length <= 10000 && KmsKeyPattern().IsMatch(kms), $"KMSKeyArn '{kms}' is not a valid KMS key ARN.");
        }
        if (c.MetricsConfig?.Metrics is { } metrics)
        {
            Require(metrics.Count <= 3, "MetricsConfig.Metrics can have at most 3 entries.");
            foreach (var metric in metrics)
            {
                RequireEnum(metric, EnumValues.Metrics, "MetricsConfig.Metrics");
                Require(!EnumValues.KafkaOnlyMetrics.Contains(metric) || EventSource.IsKafka(kind),
                    $"Metric {metric} is only supported for Amazon MSK and self-managed Apache Kafka event sources.");
            }
        }
        UnsupportedUnless(c.LoggingConfig, EventSource.IsKafka(kind), "LoggingConfig", label);
        if (c.LoggingConfig?.SystemLogLevel is { } level) RequireEnum(level, EnumValues.SystemLogLevels, "LoggingConfig.SystemLogLevel");

        UnsupportedUnless(c.FunctionResponseTypes, SourceSupport.AcceptsFunctionResponseTypes(kind), "FunctionResponseTypes", label);
        if (c.FunctionResponseTypes is { } responseTypes)
        {
            Require(responseTypes.Count <= 1, "FunctionResponseTypes can have at most 1 entry.");
            foreach (var type in responseTypes) RequireEnum(type, EnumValues.FunctionResponseTypes, "FunctionResponseTypes");
        }
        if (c.SourceAccessConfigurations is { } access)
        {
            Require(access.Count <= 23, "SourceAccessConfigurations can have at most 23 entries.");
            foreach (var entry in access)
            {
                RequireEnum(entry.Type, EnumValues.SourceAccessTypes, "SourceAccessConfigurations.Type");
                Require(entry.Uri is { Length: >= 1 and <= 200 } uri && AccessUriPattern().IsMatch(uri),
                    $"SourceAccessConfigurations.URI '{entry.Uri}' is not valid.");
            }
        }

        UnsupportedUnless(c.AmazonManagedKafkaEventSourceConfig, kind == SourceKind.Msk, "AmazonManagedKafkaEventSourceConfig", label);
        UnsupportedUnless(c.SelfManagedKafkaEventSourceConfig, kind == SourceKind.SelfManagedKafka, "SelfManagedKafkaEventSourceConfig", label);
        if ((c.AmazonManagedKafkaEventSourceConfig ?? c.SelfManagedKafkaEventSourceConfig) is { } kafka) ValidateKafka(kafka);
        UnsupportedUnless(c.DocumentDBEventSourceConfig, kind == SourceKind.DocumentDb, "DocumentDBEventSourceConfig", label);
        if (c.DocumentDBEventSourceConfig is { } docDb) ValidateDocumentDb(docDb);
        UnsupportedUnless(c.ProvisionedPollerConfig, SourceSupport.AcceptsProvisionedPollers(kind), "ProvisionedPollerConfig", label);
        if (c.ProvisionedPollerConfig is { } pollers) ValidatePollers(pollers);
    }

    private static void ValidateEndpoints(SelfManagedEventSource source)
    {
        Require(source.Endpoints is { Count: >= 1 and <= 2 }, "SelfManagedEventSource.Endpoints must have 1 or 2 entries.");
        foreach (var (key, servers) in source.Endpoints!)
        {
            RequireEnum(key, EnumValues.EndpointKeys, "SelfManagedEventSource.Endpoints key");
            Require(servers is { Count: >= 1 and <= 10 }, "KAFKA_BOOTSTRAP_SERVERS must list 1 to 10 servers.");
            foreach (var server in servers) Require(server.Length is >= 1 and <= 300, $"Bootstrap server '{server}' must be 1 to 300 characters.");
        }
    }

    private static void ValidateDestination(DestinationConfig destination)
    {
        // "OnSuccess: Not supported in CreateEventSourceMapping or UpdateEventSourceMapping".
        Require(string.IsNullOrEmpty(destination.OnSuccess?.Destination),
            "DestinationConfig.OnSuccess is not supported for event source mappings.");
        if (destination.OnFailure?.Destination is { Length: > 0 } onFailure)
        {
            Require(onFailure.Length <= 350 && DestinationPattern().IsMatch(onFailure),
                $"DestinationConfig.OnFailure.Destination '{onFailure}' is not an ARN or kafka:// topic.");
        }
    }

    private static void ValidatePattern(string? pattern)
    {
        Require(pattern is not null && pattern.Length <= 4096, "Each filter pattern must be 0 to 4096 characters.");
        try
        {
            using var document = JsonDocument.Parse(pattern!);
            Require(document.RootElement.ValueKind == JsonValueKind.Object, $"Invalid filter pattern definition: {pattern}");
        }
        catch (JsonException)
        {
            throw ApiErrors.InvalidParameter($"Invalid filter pattern definition: {pattern}");
        }
    }

    private static void ValidateKafka(KafkaEventSourceConfig kafka)
    {
        if (kafka.ConsumerGroupId is { } group)
            Require(group.Length is >= 1 and <= 200 && ConsumerGroupPattern().IsMatch(group), $"ConsumerGroupId '{group}' is not valid.");
        if (kafka.SchemaRegistryConfig is not { } registry) return;
        if (registry.SchemaRegistryUri is { } uri) Require(uri.Length is >= 1 and <= 10000, "SchemaRegistryURI must be 1 to 10000 characters.");
        if (registry.EventRecordFormat is { } format) RequireEnum(format, EnumValues.EventRecordFormats, "EventRecordFormat");
        foreach (var access in registry.AccessConfigs ?? [])
            RequireEnum(access.Type, EnumValues.SchemaRegistryAccessTypes, "SchemaRegistryConfig.AccessConfigs.Type");
        foreach (var validation in registry.SchemaValidationConfigs ?? [])
            RequireEnum(validation.Attribute, EnumValues.SchemaValidationAttributes, "SchemaValidationConfigs.Attribute");
    }

    private static void ValidateDocumentDb(DocumentDBEventSourceConfig docDb)
    {
        if (docDb.DatabaseName is { } database) Require(database.Length is >= 1 and <= 63, "DatabaseName must be 1 to 63 characters.");
        if (docDb.CollectionName is { } collection) Require(collection.Length is >= 1 and <= 57, "CollectionName must be 1 to 57 characters.");
        if (docDb.FullDocument is { } fullDocument) RequireEnum(fullDocument, EnumValues.FullDocuments, "FullDocument");
    }

    private static void ValidatePollers(ProvisionedPollerConfig pollers)
    {
        if (pollers.MinimumPollers is { } min) InRange(min, 1, 200, "ProvisionedPollerConfig.MinimumPollers");
        if (pollers.MaximumPollers is { } max) InRange(max, 1, 10000, "ProvisionedPollerConfig.MaximumPollers");
        Require(pollers.MinimumPollers is null || pollers.MaximumPollers is null || pollers.MinimumPollers <= pollers.MaximumPollers,
            "ProvisionedPollerConfig.MinimumPollers cannot be greater than MaximumPollers.");
        if (pollers.PollerGroupName is { } group)
            Require(group.Length <= 128 && PollerGroupPattern().IsMatch(group), $"PollerGroupName '{group}' is not valid.");
    }

    private static void UnsupportedUnless(object? value, bool supported, string member, string sourceLabel) =>
        Require(value is null || supported, $"Unsupported {member} parameter for {sourceLabel} event source mappings.");

    private static void RejectPresent(object? value, string member) =>
        Require(value is null, $"{member} cannot be updated. Delete the event source mapping and create a new one.");

    private static void InRange(int value, int min, int max, string member) =>
        Require(value >= min && value <= max, $"{member} must be between {min} and {max}, but was {value}.");

    private static void RequireEnum(string? value, IReadOnlySet<string> allowed, string member) =>
        Require(value is not null && allowed.Contains(value),
            $"Value '{value}' at '{member}' failed to satisfy constraint: Member must satisfy enum value set: [{string.Join(", ", allowed)}]");

    private static void Require(bool condition, string message)
    {
        if (!condition) throw ApiErrors.InvalidParameter(message);
    }

    [GeneratedRegex(@"^[^.]([a-zA-Z0-9\-_.]+)$")]
    private static partial Regex TopicPattern();

    [GeneratedRegex(@"^((arn:(aws[a-zA-Z-]*)?:[a-z0-9-.]+:.*)|())$")]
    private static partial Regex KmsKeyPattern();

    [GeneratedRegex(@"^[ a-zA-Z0-9-\/*:_+=.@-]*$")]
    private static partial Regex AccessUriPattern();

    [GeneratedRegex(@"^(kafka://([^.]([a-zA-Z0-9\-_.]{0,248}))|arn:(aws[a-zA-Z0-9-]*):([a-zA-Z0-9\-])+:((eusc-)?[a-z]{2}((-gov)|(-iso([a-z]?)))?-[a-z]+-\d{1})?:(\d{12})?:(.*))$")]
    private static partial Regex DestinationPattern();

    [GeneratedRegex(@"^[a-zA-Z0-9-\/*:_+=.@-]*$")]
    private static partial Regex ConsumerGroupPattern();

    [GeneratedRegex(@"^[a-zA-Z0-9-_]*$")]
    private static partial Regex PollerGroupPattern();
}
