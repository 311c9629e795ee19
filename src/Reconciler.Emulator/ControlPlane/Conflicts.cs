using System.Text.Json.Nodes;
using Reconciler.Core.Model;

namespace Reconciler.Emulator.ControlPlane;

/// <summary>
/// When the service refuses a second mapping (409 ResourceConflictException), and how it words it, per kind of source
/// (recorded for SQS, Kinesis, DynamoDB Streams and self-managed Kafka). Every message ends with the existing
/// mapping's UUID, which is where clients find it. A mapping still Deleting exists until it is gone, so it still
/// conflicts.
/// </summary>
internal static class Conflicts
{
    /// <param name="functionArn">The new mapping's function ARN, qualifier kept (f and f:live are different targets).</param>
    /// <param name="requestedFunction">The FunctionName as the request gave it.</param>
    public static void ThrowIfAny(MappingStore store, string functionArn, JsonObject settings, string requestedFunction, string? exceptUuid)
    {
        var kind = StoredMapping.KindOf(settings);
        foreach (var existing in store.Mappings)
        {
            if (existing.Uuid == exceptUuid || existing.FunctionArn != functionArn || existing.Kind != kind) continue;
            if (Message(existing, kind, functionArn, settings, requestedFunction) is { } message) throw ApiErrors.Conflict(message);
        }
    }

    private static string? Message(StoredMapping existing, SourceKind kind, string functionArn, JsonObject settings, string requestedFunction)
    {
        var suffix = $"Please update or delete the existing mapping with UUID {existing.Uuid}";
        if (kind == SourceKind.SelfManagedKafka)
        {
            // Recorded: a broker list that overlaps an existing one's, with a topic in common.
            var servers = StoredMapping.BootstrapServersOf(settings);
            var topics = JsonTree.Texts(settings["Topics"]);
            if (!servers.Intersect(existing.BootstrapServers).Any() || !topics.Intersect(existing.Topics).Any()) return null;
            return $"An event source mapping with event source (\"{string.Join(",", servers)}\"), function (\"{functionArn}\"), " +
                   $"topics (\"{string.Join(",", topics)}\") already exists. {suffix}";
        }
        var arn = JsonTree.Text(settings, "EventSourceArn");
        if (arn != existing.EventSourceArn) return null;
        // One mapping per topic of a cluster, per queue of a broker.
        if (!JsonTree.Texts(settings["Topics"]).SequenceEqual(existing.Topics) || !JsonTree.Texts(settings["Queues"]).SequenceEqual(existing.Queues))
            return null;
        return kind == SourceKind.Sqs
            ? $"An event source mapping with SQS arn (\" {arn} \") and function (\" {requestedFunction} \") already exists. {suffix}"
            : $"The event source arn (\" {arn} \") and function (\" {requestedFunction} \") provided mapping already exists. {suffix}";
    }
}
