namespace Reconciler.Core.Safety;

public enum WriteVerdict
{
    /// <summary>The evidence proves the write may happen.</summary>
    Allowed,
    /// <summary>The tags were not read in this run: read them now (ListTags) and ask again.</summary>
    NeedsFreshTags,
    /// <summary>The write must not happen; the reason says what exists and how to resolve it.</summary>
    Refused,
}
