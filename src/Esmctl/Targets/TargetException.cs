namespace Esmctl.Targets;

/// <summary>The target could not be opened (bad settings, no credentials, unreachable endpoint): a message for a person.</summary>
public sealed class TargetException(string message, Exception? inner = null) : Exception(message, inner);
