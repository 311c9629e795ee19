namespace Esmctl.Aws;

/// <summary>Tries the client repeated, by reason, and calls it gave up on after its bounds were spent.</summary>
public sealed record RetrySummary(int Throttled, int ServiceErrors, int Network, int Propagation, int GaveUp)
{
    public int Retried => Throttled + ServiceErrors + Network + Propagation;

    public bool IsEmpty => Retried == 0 && GaveUp == 0;
}
