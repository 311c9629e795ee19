using System.Text.Json.Nodes;
using Reconciler.Emulator.ControlPlane.Behaviour;

namespace Reconciler.Emulator.ControlPlane;

/// <summary>
/// The values a Create leaves out and the service fills in, per kind of source, from the behaviour table (each
/// default cites the model's documentation or a recording). "$uuid" is the new mapping's own UUID (the consumer
/// group ID of a Kafka mapping created without one).
/// </summary>
internal static class CreateDefaults
{
    public static JsonObject Apply(JsonObject settings, SourceBehaviour behaviour, string uuid)
    {
        var filled = (JsonObject)settings.DeepClone();
        foreach (var entry in behaviour.Defaults)
        {
            if (JsonTree.At(filled, entry.Path) is not null) continue;
            var value = entry.Value is JsonValue v && v.TryGetValue<string>(out var text) && text == BehaviourEntry.OwnUuid
                ? JsonValue.Create(uuid)
                : entry.Value.DeepClone();
            JsonTree.Set(filled, entry.Path, value);
        }
        return filled;
    }
}
