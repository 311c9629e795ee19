namespace Reconciler.Emulator.ControlPlane;

/// <summary>Totals since the control plane was made (the request log only keeps the most recent requests).</summary>
public sealed record ControlPlaneCounters(
    long Requests,
    long MutatingRequests,
    long Errors,
    IReadOnlyDictionary<string, long> ByOperation,
    IReadOnlyDictionary<string, long> ByErrorCode)
{
    public long CountOf(string operation) => ByOperation.TryGetValue(operation, out var count) ? count : 0;

    public long ErrorsOf(string errorCode) => ByErrorCode.TryGetValue(errorCode, out var count) ? count : 0;
}
