using System.Text.Json.Nodes;

namespace Reconciler.Emulator.Persistence;

/// <summary>One mapping in the state file: identity, steady state, the transition under way if any, tags, settings.</summary>
internal sealed record PersistedMapping
{
    public required string Uuid { get; init; }
    public required long Sequence { get; init; }
    public required string EventSourceMappingArn { get; init; }
    public required string FunctionArn { get; init; }
    /// <summary>The steady state the mapping is in or heading to (Enabled or Disabled).</summary>
    public required bool Enabled { get; init; }
    public string? TransitionState { get; init; }
    public DateTimeOffset? TransitionStartedAt { get; init; }
    public required DateTimeOffset LastModified { get; init; }
    public string? StateTransitionReason { get; init; }
    /// <summary>Version 2 and later.</summary>
    public string? LastProcessingResult { get; init; }
    public Dictionary<string, string> Tags { get; init; } = [];
    /// <summary>Version 2: the settings with the API model's member names, as the control plane keeps them.</summary>
    public JsonObject? Configuration { get; init; }
    /// <summary>Version 1 only: the settings as typed members (read, never written).</summary>
    public PersistedSettings? Settings { get; init; }
}
