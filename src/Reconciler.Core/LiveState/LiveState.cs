using Reconciler.Core.Model;

// The namespace is Live, not LiveState: a namespace Reconciler.Core.LiveState would shadow the type LiveState
// in every file under Reconciler.Core.*.
namespace Reconciler.Core.Live;

/// <summary>
/// What the target holds, as read once for planning: every mapping List returned (Deleting ones included; the
/// planner treats them as gone) and the tags per UUID. <see cref="TagsReadNow"/> says which of those tags this read
/// fetched itself (ListTags) rather than took from a caller's cache: only those are evidence of ownership for a write
/// in the same run. Calls and Notes say how it was read.
/// </summary>
public sealed record LiveState(
    IReadOnlyList<LiveMapping> Mappings,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Tags)
{
    private static readonly IReadOnlyDictionary<string, string> NoTags = new Dictionary<string, string>();
    private static readonly IReadOnlySet<string> NoUuids = new HashSet<string>();

    public static LiveState Empty { get; } = new([], new Dictionary<string, IReadOnlyDictionary<string, string>>());

    /// <summary>How many API calls the read took, for plan --stats.</summary>
    public LiveStateCalls Calls { get; init; } = LiveStateCalls.None;

    /// <summary>Anomalies met while reading (a server that repeated a paging marker, a mapping gone mid-read).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>
    /// The UUIDs whose tags this read got from ListTags (not from known tags a caller carried in). Empty by default, so
    /// a live state built from anything but a read (a saved file, a test) proves no ownership: the applier then reads
    /// the tags again before it writes.
    /// </summary>
    public IReadOnlySet<string> TagsReadNow { get; init; } = NoUuids;

    /// <summary>When the read began, on the reader's clock; null when the reader was given no clock.</summary>
    public DateTimeOffset? ReadAt { get; init; }

    public IReadOnlyDictionary<string, string> TagsOf(string uuid) => Tags.TryGetValue(uuid, out var tags) ? tags : NoTags;
}
