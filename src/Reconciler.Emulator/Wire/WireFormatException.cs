namespace Reconciler.Emulator.Wire;

/// <summary>A request body or query the wire face cannot read (malformed JSON, a member of the wrong type). It is
/// answered as InvalidParameterValueException, 400, before the control plane sees the request.</summary>
internal sealed class WireFormatException(string message) : Exception(message);
