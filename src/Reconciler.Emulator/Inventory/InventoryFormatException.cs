namespace Reconciler.Emulator.Inventory;

/// <summary>A resource declaration (seed file or admin request) that cannot be read; the message names where.</summary>
public sealed class InventoryFormatException(string message) : Exception(message);
