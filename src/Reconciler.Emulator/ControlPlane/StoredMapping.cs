using Reconciler.Core.Model;

namespace Reconciler.Emulator.ControlPlane;

/// <summary>
/// One mapping as the control plane keeps it. <see cref="Configuration"/> holds the effective settings (defaults
/// filled, empty structures dropped) with FunctionName = FunctionArn and Enabled and Tags null; whether the mapping
/// is on is <see cref="Enabled"/>, the steady state it is in or heading to.
/// </summary>
internal sealed record StoredMapping
{
    public required string Uuid { get; init; }
    /// <summary>Creation order: List pages by it, so mappings created or deleted between pages are never skipped twice.</summary>
    public required long Sequence { get; init; }
    public required string EventSourceMappingArn { get; init; }
    public required string FunctionArn { get; init; }
    public required MappingConfiguration Configuration { get; init; }
    public required bool Enabled { get; init; }
    public MappingTransition? Transition { get; init; }
    public required DateTimeOffset LastModified { get; init; }
    public required string StateTransitionReason { get; init; }
    public required IReadOnlyDictionary<string, string> Tags { get; init; }

    public string State => Transition?.State ?? (Enabled ? MappingStates.Enabled : MappingStates.Disabled);

    public SourceKind Kind => EventSource.KindOf(Configuration);
}
