using Reconciler.Core.Model;

namespace Reconciler.Emulator.ControlPlane;

/// <summary>What makes two mappings the same to the service: function ARN with qualifier, event source (ARN or the
/// self-managed Kafka bootstrap servers) and topic or queue. A second Create with the same key is a conflict.</summary>
internal sealed record NaturalKey(string FunctionArn, string Source, string? Topic, string? Queue)
{
    public static NaturalKey Of(string functionArn, MappingConfiguration c) =>
        new(functionArn, SourceOf(c), c.Topics?.FirstOrDefault(), c.Queues?.FirstOrDefault());

    public static string SourceOf(MappingConfiguration c) =>
        c.EventSourceArn is { Length: > 0 } arn
            ? arn
            : string.Join(",", (c.SelfManagedEventSource?.Endpoints ?? new Dictionary<string, IReadOnlyList<string>>())
                .SelectMany(e => e.Value).Order(StringComparer.Ordinal));

    /// <summary>AWS's wording, with the existing UUID at the end where clients look for it.</summary>
    public static string ConflictMessage(StoredMapping existing, string requestedFunction)
    {
        var source = SourceOf(existing.Configuration);
        var what = existing.Kind == SourceKind.SelfManagedKafka
            ? $"self-managed Kafka bootstrap servers (\" {source} \")"
            : $"{SourceSupport.Label(existing.Kind)} arn (\" {source} \")";
        return $"An event source mapping with {what} and function (\" {requestedFunction} \") already exists. " +
               $"Please update or delete the existing mapping with UUID {existing.Uuid}";
    }
}
