namespace Reconciler.Core.Applying;

/// <summary>A mapping an action created or updated, and whether it should end enabled (null: as it was).</summary>
internal sealed record SettleWatch(string Uuid, bool? ExpectEnabled);
