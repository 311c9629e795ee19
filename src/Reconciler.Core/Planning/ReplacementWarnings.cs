using Reconciler.Core.Fields;
using Reconciler.Core.Model;
using Reconciler.Core.Normalization;

namespace Reconciler.Core.Planning;

/// <summary>What deleting a mapping and creating it again can cost, by source kind, for the plan's reader.</summary>
public static class ReplacementWarnings
{
    public static IReadOnlyList<string> For(MappingConfiguration desired, LiveMapping live) =>
        For(desired, live, MappingFields.Table);

    public static IReadOnlyList<string> For(MappingConfiguration desired, LiveMapping live, FieldTable fields)
    {
        var warnings = new List<string>();
        var kind = EventSource.KindOf(desired);
        var position = desired.StartingPosition;
        // A DocumentDB change stream is read from a starting position like a Kinesis or DynamoDB stream.
        if (EventSource.IsStream(kind) || kind == SourceKind.DocumentDb)
        {
            warnings.Add(position switch
            {
                "LATEST" => "replace: the new mapping starts at LATEST, so records written to the stream while no mapping exists are skipped",
                "TRIM_HORIZON" => "replace: the new mapping starts at TRIM_HORIZON, so it re-processes every record still retained in the stream",
                "AT_TIMESTAMP" => $"replace: the new mapping re-reads the stream from {CanonicalFields.Instant(desired.StartingPositionTimestamp)?.GetValue<string>()} (AT_TIMESTAMP)",
                _ => "replace: the new mapping reads the stream from its startingPosition, not from where the old one stopped",
            });
        }
        else if (kind == SourceKind.AmazonMq)
        {
            warnings.Add("replace: messages the old mapping received but did not acknowledge are redelivered, to the new mapping");
        }
        else if (EventSource.IsKafka(kind))
        {
            var oldGroup = ConsumerGroup(live.Configuration, kind, fields);
            var newGroup = ConsumerGroup(desired, kind, fields);
            warnings.Add(newGroup is not null && newGroup == oldGroup
                ? $"replace: the new mapping joins consumer group '{newGroup}' again and resumes from its committed offsets"
                : $"replace: the new mapping uses a new Kafka consumer group, which starts from startingPosition {position ?? "(unset)"}, not from the old group's offsets");
        }
        else if (kind == SourceKind.Sqs)
        {
            warnings.Add("replace: messages in the old mapping's in-flight batches return to the queue after the visibility timeout and are processed again by the new mapping");
        }

        if (desired.Enabled == false)
            warnings.Add("replace: the mapping is disabled and its replacement is created disabled too; it processes nothing until enabled");
        return warnings;
    }

    /// <summary>The consumer group: the ConsumerGroupId of the Kafka config this kind of source takes
    /// (amazonManagedKafkaEventSourceConfig for MSK, selfManagedKafkaEventSourceConfig for Kafka).</summary>
    private static string? ConsumerGroup(MappingConfiguration c, SourceKind kind, FieldTable fields)
    {
        var canonical = CanonicalFields.Of(c, c.FunctionName, fields);
        return fields.Configuration
            .Where(f => f.Accepts(kind))
            .SelectMany(f => f.Members)
            .Where(f => f.WireName == "ConsumerGroupId")
            .Select(f => canonical.GetValueOrDefault(f.Path)?.GetValue<string>())
            .FirstOrDefault(group => group is not null);
    }
}
