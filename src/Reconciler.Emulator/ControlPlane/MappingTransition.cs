namespace Reconciler.Emulator.ControlPlane;

/// <summary>A transitional State (Creating, Enabling, Disabling, Updating, Deleting) and when it began; it ends
/// when the configured dwell has passed, which is worked out on read, so no background work is needed.</summary>
internal sealed record MappingTransition(string State, DateTimeOffset StartedAt);
