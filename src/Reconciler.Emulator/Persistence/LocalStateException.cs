namespace Reconciler.Emulator.Persistence;

/// <summary>The local target's state file could not be read, written or locked. An I/O problem of the local machine,
/// never a Lambda API error, so callers report it as such rather than retrying it as a throttle.</summary>
public sealed class LocalStateException(string message, Exception? inner = null) : Exception(message, inner);
