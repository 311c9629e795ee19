namespace Reconciler.Core.Api;

/// <summary>Tries a client repeated, by cause, and calls it gave up on after its bounds were spent.</summary>
public sealed record RetryCounts(int Throttled, int ServiceErrors, int Network, int Propagation, int GaveUp)
{
    public static RetryCounts None { get; } = new(0, 0, 0, 0, 0);

    public int Retried => Throttled + ServiceErrors + Network + Propagation;

    public bool IsEmpty => Retried == 0 && GaveUp == 0;
}
