namespace Reconciler.Core.Live;

/// <summary>The calls one read of live state made: List pages, ListTags and Get.</summary>
public sealed record LiveStateCalls(int ListPages, int ListTags, int Get)
{
    public static LiveStateCalls None { get; } = new(0, 0, 0);
}
