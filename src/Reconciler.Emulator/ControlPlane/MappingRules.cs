using System.Text.Json.Nodes;
using Reconciler.Core.Model;
using Reconciler.Emulator.ControlPlane.Behaviour;

namespace Reconciler.Emulator.ControlPlane;

/// <summary>
/// The service's own rules, checked after the model's constraints and answered with InvalidParameterValueException,
/// in the order AWS checks them where a recording shows it (the destination before the function, the function
/// before the source, the source before a duplicate): destinations, the event source, which sources take which
/// members (the model's "(Kinesis ... only)" notes), starting positions, members a kind of source needs, the rules the
/// documentation states in prose (batching window, FIFO batch size, record age, pollers), and filter patterns.
/// </summary>
internal sealed class MappingRules(SourceBehaviours behaviours)
{
    public const string UnsupportedDestination = "Unsupported DestinationConfig parameter for given event source mapping type.";
    public const string DestinationRequired = "The Destination field is required for an OnFailure configuration.";

    /// <summary>Checks a Create request; returns the kind of source.</summary>
    public SourceKind CheckCreate(MappingConfiguration request, JsonObject wire, DateTimeOffset now)
    {
        CheckDestination(request.DestinationConfig);
        var hasArn = !string.IsNullOrEmpty(request.EventSourceArn);
        var selfManaged = request.SelfManagedEventSource is not null;
        if (selfManaged && request.SourceAccessConfigurations is not { Count: > 0 })
            throw ApiErrors.InvalidParameter("Required 'sourceAccessConfigurations' parameter is missing.");
        Require(!(hasArn && selfManaged), "EventSourceArn and SelfManagedEventSource cannot both be specified.");
        var kind = EventSource.KindOf(request);
        Require(kind != SourceKind.Unknown, "Unrecognized event source.");

        CheckApplicability(wire, kind);
        CheckStartingPosition(request, kind, now);
        switch (kind)
        {
            case SourceKind.Msk or SourceKind.SelfManagedKafka when request.Topics is not { Count: > 0 }:
                throw ApiErrors.RequiredByService("topics");
            case SourceKind.AmazonMq when request.Queues is not { Count: > 0 }:
                throw ApiErrors.RequiredByService("queues");
            case SourceKind.DocumentDb when request.DocumentDBEventSourceConfig?.DatabaseName is null:
                throw ApiErrors.RequiredByService("documentDBEventSourceConfig.databaseName");
        }
        CheckSettings(request, kind);
        CheckFilters(request.FilterCriteria);
        return kind;
    }

    /// <summary>Checks an Update: <paramref name="changes"/> as sent, <paramref name="merged"/> the configuration the
    /// mapping would have.</summary>
    public void CheckUpdate(MappingConfiguration changes, JsonObject wire, MappingConfiguration merged, SourceKind kind)
    {
        CheckDestination(changes.DestinationConfig);
        CheckApplicability(wire, kind);
        CheckSettings(merged, kind);
        CheckFilters(changes.FilterCriteria);
    }

    /// <summary>"OnSuccess: Not supported in CreateEventSourceMapping or UpdateEventSourceMapping"; an OnFailure
    /// without its Destination is refused (AWS: "The Destination field is required ...").</summary>
    private static void CheckDestination(DestinationConfig? destination)
    {
        if (destination is null) return;
        if (!string.IsNullOrEmpty(destination.OnSuccess?.Destination)) throw ApiErrors.InvalidParameter(UnsupportedDestination);
        if (destination.OnFailure is { Destination: null }) throw ApiErrors.InvalidParameter(DestinationRequired);
    }

    /// <summary>A member with a value that this kind of source does not take (per the model's notes and the behaviour
    /// table) is refused, as AWS words it for DestinationConfig on SQS (recorded).</summary>
    private void CheckApplicability(JsonObject wire, SourceKind kind)
    {
        foreach (var (path, kinds) in behaviours.Applicability)
        {
            if (kinds.Contains(kind) || JsonTree.IsEmpty(JsonTree.At(wire, path))) continue;
            var member = path[(path.LastIndexOf('.') + 1)..];
            throw ApiErrors.InvalidParameter(member == "DestinationConfig"
                ? UnsupportedDestination
                : $"Unsupported {member} parameter for given event source mapping type.");
        }
    }

    /// <summary>"Required for Amazon Kinesis and Amazon DynamoDB Stream event sources. AT_TIMESTAMP is supported only for
    /// Amazon Kinesis streams, Amazon DocumentDB, Amazon MSK, and self-managed Apache Kafka." Queues have no position.</summary>
    private static void CheckStartingPosition(MappingConfiguration request, SourceKind kind, DateTimeOffset now)
    {
        var position = request.StartingPosition;
        if (position is null)
        {
            if (EventSource.IsStream(kind)) throw ApiErrors.RequiredByService("startingPosition");
        }
        else if (kind is SourceKind.Sqs or SourceKind.AmazonMq
            || (position == "AT_TIMESTAMP" && kind is not (SourceKind.Kinesis or SourceKind.DocumentDb or SourceKind.Msk or SourceKind.SelfManagedKafka)))
        {
            throw ApiErrors.InvalidParameter($"Unsupported starting position for arn type: {request.EventSourceArn}");
        }
        if (position == "AT_TIMESTAMP")
        {
            Require(request.StartingPositionTimestamp is not null, "StartingPositionTimestamp is required when StartingPosition is AT_TIMESTAMP.");
            Require(request.StartingPositionTimestamp <= now, "StartingPositionTimestamp cannot be in the future.");
        }
        else
        {
            Require(request.StartingPositionTimestamp is null, "StartingPositionTimestamp is only valid with StartingPosition AT_TIMESTAMP.");
        }
    }

    /// <summary>The rules both Create and Update apply to the configuration the mapping would end up with.</summary>
    private static void CheckSettings(MappingConfiguration c, SourceKind kind)
    {
        // Checked before the batch size: AWS gave this answer to BatchSize 100 with a window on a FIFO queue (as
        // CloudFormation relayed it; not recorded here). 0, the default and the echo, is no window.
        Require(!EventSource.IsFifoQueue(c.EventSourceArn) || c.MaximumBatchingWindowInSeconds is null or 0,
            "Batching window is not supported for FIFO queues");
        if (c.BatchSize is { } batch)
        {
            Require(!EventSource.IsFifoQueue(c.EventSourceArn) || batch <= 10, "BatchSize must be at most 10 for a FIFO queue.");
            // The documentation says Kinesis and DynamoDB too, but AWS applies it to SQS only (recorded).
            Require(kind != SourceKind.Sqs || batch <= 10 || c.MaximumBatchingWindowInSeconds >= 1,
                "Maximum batch window in seconds must be greater than 0 if maximum batch size is greater than 10");
        }
        if (c.MaximumRecordAgeInSeconds is { } age) Require(age is -1 or >= 60, "The minimum valid value for maximum record age is 60s.");
        if (c.MetricsConfig?.Metrics is { } metrics)
        {
            // "ErrorCount (Amazon MSK and self-managed Apache Kafka)", "KafkaMetrics (Amazon MSK and self-managed Apache Kafka)".
            foreach (var metric in metrics)
            {
                Require(metric == "EventCount" || EventSource.IsKafka(kind),
                    $"Metric {metric} is only supported for Amazon MSK and self-managed Apache Kafka event sources.");
            }
        }
        if (c.ProvisionedPollerConfig is { } pollers)
        {
            // "For Amazon SQS events source mappings, default is 2, and minimum 2 required."
            var least = kind == SourceKind.Sqs ? 2 : 1;
            Require(pollers.MinimumPollers is null || pollers.MinimumPollers >= least,
                $"ProvisionedPollerConfig.MinimumPollers must be at least {least} for this event source.");
            Require(pollers.MaximumPollers is null || pollers.MaximumPollers >= least,
                $"ProvisionedPollerConfig.MaximumPollers must be at least {least} for this event source.");
            Require(pollers.MinimumPollers is null || pollers.MaximumPollers is null || pollers.MinimumPollers <= pollers.MaximumPollers,
                "ProvisionedPollerConfig.MinimumPollers cannot be greater than MaximumPollers.");
            // Provisioned mode and maximum concurrency are two scaling modes of an SQS mapping, not both.
            Require(c.ScalingConfig?.MaximumConcurrency is null,
                "ScalingConfig and ProvisionedPollerConfig cannot both be specified. Limit concurrency with ProvisionedPollerConfig.MaximumPollers in provisioned mode.");
        }
    }

    private static void CheckFilters(FilterCriteria? criteria)
    {
        foreach (var filter in criteria?.Filters ?? [])
        {
            if (!FilterPatternGrammar.IsValid(filter.Pattern)) throw ApiErrors.InvalidParameter(FilterPatternGrammar.InvalidMessage);
        }
    }

    private static void Require(bool condition, string message)
    {
        if (!condition) throw ApiErrors.InvalidParameter(message);
    }
}
