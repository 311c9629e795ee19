using System.Text.Json.Nodes;
using Reconciler.Core.Model;

namespace Reconciler.Emulator.ControlPlane;

/// <summary>
/// One mapping as the control plane keeps it. <see cref="Settings"/> holds the effective configuration in wire form
/// (the API model's member names; defaults filled, empty values dropped; no FunctionName, Enabled or Tags) and is
/// never changed in place: an update stores a new object. Whether the mapping is on is <see cref="Enabled"/>, the
/// steady state it is in or heading to.
/// </summary>
internal sealed record StoredMapping
{
    public required string Uuid { get; init; }
    /// <summary>Creation order: List pages by it, so mappings created or deleted between pages are never skipped twice.</summary>
    public required long Sequence { get; init; }
    public required string EventSourceMappingArn { get; init; }
    public required string FunctionArn { get; init; }
    public required JsonObject Settings { get; init; }
    public required bool Enabled { get; init; }
    public MappingTransition? Transition { get; init; }
    public required DateTimeOffset LastModified { get; init; }
    public required string StateTransitionReason { get; init; }
    public string? LastProcessingResult { get; init; }
    public required IReadOnlyDictionary<string, string> Tags { get; init; }

    public string State => Transition?.State ?? (Enabled ? MappingStates.Enabled : MappingStates.Disabled);

    public SourceKind Kind => KindOf(Settings);

    public string? EventSourceArn => JsonTree.Text(Settings, "EventSourceArn");

    public IReadOnlyList<string> Topics => JsonTree.Texts(Settings["Topics"]);

    public IReadOnlyList<string> Queues => JsonTree.Texts(Settings["Queues"]);

    /// <summary>The self-managed Kafka bootstrap servers, in the order given.</summary>
    public IReadOnlyList<string> BootstrapServers => BootstrapServersOf(Settings);

    public static SourceKind KindOf(JsonObject settings) =>
        JsonTree.Text(settings, "EventSourceArn") is { Length: > 0 } arn ? EventSource.KindOfArn(arn)
        : settings["SelfManagedEventSource"] is not null ? SourceKind.SelfManagedKafka
        : SourceKind.Unknown;

    public static IReadOnlyList<string> BootstrapServersOf(JsonObject settings) =>
        JsonTree.At(settings, "SelfManagedEventSource.Endpoints") is JsonObject endpoints
            ? endpoints.SelectMany(e => JsonTree.Texts(e.Value)).ToList()
            : [];
}
