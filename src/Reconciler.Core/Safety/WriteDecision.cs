namespace Reconciler.Core.Safety;

/// <summary>What <see cref="WriteGate"/> decided, and why (empty when allowed).</summary>
public sealed record WriteDecision(WriteVerdict Verdict, string Reason)
{
    public static WriteDecision Allowed { get; } = new(WriteVerdict.Allowed, "");

    public static WriteDecision NeedsFreshTags { get; } =
        new(WriteVerdict.NeedsFreshTags, "the mapping's tags were not read in this run");

    public static WriteDecision Refused(string reason) => new(WriteVerdict.Refused, reason);

    public bool IsAllowed => Verdict == WriteVerdict.Allowed;
}
