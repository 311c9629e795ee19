using Reconciler.Core.Model;

// The namespace is Live, not LiveState: a namespace Reconciler.Core.LiveState would shadow the type LiveState
// in every file under Reconciler.Core.*.
namespace Reconciler.Core.Live;

/// <summary>
/// What the target holds, as read once for planning: every mapping List returned (Deleting ones included; the
/// planner treats them as gone) and the tags read per UUID. Calls and Notes say how it was read.
/// </summary>
public sealed record LiveState(
    IReadOnlyList<LiveMapping> Mappings,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Tags)
{
    private static readonly IReadOnlyDictionary<string, string> NoTags = new Dictionary<string, string>();

    public static LiveState Empty { get; } = new([], new Dictionary<string, IReadOnlyDictionary<string, string>>());

    /// <summary>How many API calls the read took, for plan --stats.</summary>
    public LiveStateCalls Calls { get; init; } = LiveStateCalls.None;

    /// <summary>Anomalies met while reading (a server that repeated a paging marker, a mapping gone mid-read).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    public IReadOnlyDictionary<string, string> TagsOf(string uuid) => Tags.TryGetValue(uuid, out var tags) ? tags : NoTags;
}
