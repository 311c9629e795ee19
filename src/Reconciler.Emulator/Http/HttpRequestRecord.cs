namespace Reconciler.Emulator.Http;

/// <summary>One request the HTTP face answered (or dropped): the operation (e.g. CreateEventSourceMapping, or
/// "Unknown"), the method and path, the status sent, the error code if any, whether it could change state, and
/// whether the response was deliberately dropped after the operation committed. Injected faults have Injected set.</summary>
public sealed record HttpRequestRecord(
    DateTimeOffset At,
    string Operation,
    string Method,
    string Path,
    int Status,
    string? ErrorCode,
    bool Mutating,
    bool Dropped,
    bool Injected);
