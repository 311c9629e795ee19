using Reconciler.Core.Model;
using Reconciler.Core.Planning;

namespace Reconciler.Core.Safety;

/// <summary>
/// The one place that decides whether a mutating call on an existing mapping may happen. Pure: it decides from the
/// evidence it is given, and only from evidence read in this run. A write needs the mapping's tags to show this
/// policy's owner; an adoption may instead take a mapping that no esmctl instance manages, if it still has the
/// manifest's natural key (function, source, topic or queue). Deleting an orphan also needs prune. Every caller that
/// writes (apply, saved plans, many targets, the daemon) reaches AWS through the applier, which asks here first.
/// </summary>
public static class WriteGate
{
    /// <param name="kind">The call about to be made.</param>
    /// <param name="evidence">The mapping's tags (and natural key) as this run knows them.</param>
    /// <param name="manifestKey">The natural key of the manifest the write serves; needed for Adopt, else unused.</param>
    /// <param name="policy">Whose mappings this run may change, and whether it may prune.</param>
    public static WriteDecision Decide(WriteKind kind, OwnershipEvidence evidence, NaturalKey? manifestKey, WritePolicy policy)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        ArgumentNullException.ThrowIfNull(policy);
        if (!evidence.ReadThisRun) return WriteDecision.NeedsFreshTags;

        var owner = evidence.Owner;
        if (owner == policy.Owner)
        {
            return kind == WriteKind.Delete && !policy.Prune
                ? WriteDecision.Refused(
                    $"mapping {evidence.Uuid} is managed by '{owner}', but deleting a mapping no manifest declares needs --prune; it was not deleted")
                : WriteDecision.Allowed;
        }
        if (owner is not null)
        {
            return WriteDecision.Refused(
                $"mapping {evidence.Uuid} is managed by '{owner}' (tag {ManagedTags.ManagedBy}), not by '{policy.Owner}'; " +
                $"esmctl never changes another owner's mapping, so it was not {Done(kind)}. Resolve it with the owner " +
                $"'{owner}' (remove its manifest there, or change the tag if the mapping should be '{policy.Owner}''s)");
        }
        if (kind != WriteKind.Adopt)
        {
            return WriteDecision.Refused(
                $"mapping {evidence.Uuid} carries no {ManagedTags.ManagedBy} tag now, so it is not '{policy.Owner}''s to change " +
                $"(its tags changed after the plan was made); it was not {Done(kind)}. Run plan again: a mapping with a " +
                "manifest's function and source that no esmctl instance manages is shown there as adopt");
        }
        if (manifestKey is null || evidence.LiveKey is null)
        {
            return WriteDecision.Refused(
                $"mapping {evidence.Uuid} carries no {ManagedTags.ManagedBy} tag, and whether it has the manifest's function " +
                "and source is unknown; it was not adopted. Run plan again");
        }
        return manifestKey == evidence.LiveKey
            ? WriteDecision.Allowed
            : WriteDecision.Refused(
                $"mapping {evidence.Uuid} carries no {ManagedTags.ManagedBy} tag, and it now has {Describe(evidence.LiveKey)}, " +
                $"not the manifest's {Describe(manifestKey)}; it was not adopted. Run plan again");
    }

    /// <summary>"function arn:..., source arn:..., topic t".</summary>
    public static string Describe(NaturalKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var text = $"function {key.FunctionArn}, source {key.Source}";
        if (key.Topic.Length > 0) text += $", topic {key.Topic}";
        if (key.Queue.Length > 0) text += $", queue {key.Queue}";
        return text;
    }

    private static string Done(WriteKind kind) => kind switch
    {
        WriteKind.Update => "updated",
        WriteKind.Tag => "tagged",
        WriteKind.Untag => "untagged",
        WriteKind.Delete => "deleted",
        WriteKind.ReplaceDelete => "deleted for its replacement",
        _ => "adopted",
    };
}
