using System.Text.Json.Nodes;

namespace Reconciler.Emulator.ControlPlane.Behaviour;

/// <summary>One value the control plane fills in or echoes, at a member path of wire names (e.g.
/// <c>SelfManagedKafkaEventSourceConfig.ConsumerGroupId</c>), with what it rests on.</summary>
/// <param name="Basis">"model", "recorded" or "assumed".</param>
/// <param name="Source">The model's words, the recording that shows it, or why it is assumed.</param>
internal sealed record BehaviourEntry(string Path, JsonNode Value, string Basis, string Source)
{
    /// <summary>The value standing for the mapping's own UUID.</summary>
    public const string OwnUuid = "$uuid";

    public IReadOnlyList<string> Segments => Path.Split('.');
}
