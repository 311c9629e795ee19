namespace Reconciler.Emulator.ControlPlane;

/// <summary>One request the control plane answered: the API operation name (e.g. UpdateEventSourceMapping), the
/// mapping it concerned if any, whether it could change state, and the error code if it failed.</summary>
public sealed record RequestRecord(DateTimeOffset At, string Operation, string? Uuid, bool Mutating, string? ErrorCode)
{
    public bool Succeeded => ErrorCode is null;
}
