namespace Reconciler.Emulator.Http;

/// <summary>What to do to one request: wait, then answer normally, throttle, fail, or commit and drop the response.</summary>
internal enum FaultKind { None, Throttle, Error, DropResponse }

internal sealed record FaultDecision(FaultKind Kind, TimeSpan Delay)
{
    public static readonly FaultDecision None = new(FaultKind.None, TimeSpan.Zero);
}
