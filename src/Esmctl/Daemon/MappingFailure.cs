namespace Esmctl.Daemon;

/// <summary>One mapping the tick could not converge.</summary>
/// <param name="Mapping">The manifest name of the mapping.</param>
/// <param name="InputDigest">A digest of this mapping's desired input (manifest content) as the tick saw it; a
/// terminal failure is held until this changes.</param>
/// <param name="ErrorCode">The API error code (e.g. InvalidParameterValueException), null if not from the API.</param>
public sealed record MappingFailure(string Mapping, FailureClass Class, string InputDigest, string? ErrorCode, string Message);
