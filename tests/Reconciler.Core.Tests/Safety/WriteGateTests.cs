using Reconciler.Core.Model;
using Reconciler.Core.Planning;
using Reconciler.Core.Safety;

namespace Reconciler.Core.Tests.Safety;

/// <summary>The write gate as a table: who the tags say owns the mapping × whether it still has the manifest's natural
/// key × the call × whether the tags were read in this run × prune.</summary>
public class WriteGateTests
{
    private const string Uuid = "6f2c1d4e-0000-4000-8000-000000000001";
    private static readonly NaturalKey ManifestKey = new("arn:aws:lambda:us-east-1:123456789012:function:f", "arn:aws:sqs:us-east-1:123456789012:q", "", "");
    private static readonly NaturalKey OtherKey = ManifestKey with { FunctionArn = "arn:aws:lambda:us-east-1:123456789012:function:g" };

    public enum Tags { Ours, OtherOwner, Untagged, NameOnly, EmptyOwner, CaseVariant, KeyCaseVariant, KeyCaseVariantSayingOurs, PaddedKey, OursAndKeyCaseVariant }

    private static IReadOnlyDictionary<string, string> TagsOf(Tags tags) => tags switch
    {
        Tags.Ours => new Dictionary<string, string> { [ManagedTags.ManagedBy] = "esmctl", [ManagedTags.Name] = "orders" },
        Tags.OtherOwner => new Dictionary<string, string> { [ManagedTags.ManagedBy] = "team-b", [ManagedTags.Name] = "orders" },
        Tags.Untagged => new Dictionary<string, string> { ["team"] = "payments" },
        // A name without an owner is nobody's (export leaves such tags; so do hand edits).
        Tags.NameOnly => new Dictionary<string, string> { [ManagedTags.Name] = "orders" },
        Tags.EmptyOwner => new Dictionary<string, string> { [ManagedTags.ManagedBy] = "" },
        Tags.CaseVariant => new Dictionary<string, string> { [ManagedTags.ManagedBy] = "Esmctl" },
        // Keys that differ from esmctl:managed-by only in case or spaces: someone's claim, never nobody's and never ours.
        Tags.KeyCaseVariant => new Dictionary<string, string> { ["ESMCTL:managed-by"] = "team-b", [ManagedTags.Name] = "orders" },
        Tags.KeyCaseVariantSayingOurs => new Dictionary<string, string> { ["Esmctl:Managed-By"] = "esmctl" },
        Tags.PaddedKey => new Dictionary<string, string> { [" esmctl:managed-by "] = "esmctl" },
        _ => new Dictionary<string, string> { [ManagedTags.ManagedBy] = "esmctl", ["ESMCTL:MANAGED-BY"] = "team-b" },
    };

    public static TheoryData<Tags, bool, WriteKind, bool, WriteVerdict> Table()
    {
        var data = new TheoryData<Tags, bool, WriteKind, bool, WriteVerdict>();
        foreach (var kind in Enum.GetValues<WriteKind>())
        foreach (var tags in Enum.GetValues<Tags>())
        foreach (var sameKey in new[] { true, false })
        foreach (var prune in new[] { true, false })
        {
            data.Add(tags, sameKey, kind, prune, Expected(tags, sameKey, kind, prune));
        }
        return data;
    }

    /// <summary>The rules of issue 12, written out case by case.</summary>
    private static WriteVerdict Expected(Tags tags, bool sameKey, WriteKind kind, bool prune) => (tags, kind) switch
    {
        (Tags.Ours, WriteKind.Delete) => prune ? WriteVerdict.Allowed : WriteVerdict.Refused,
        (Tags.Ours, _) => WriteVerdict.Allowed,
        (Tags.OtherOwner or Tags.CaseVariant or Tags.KeyCaseVariant or Tags.KeyCaseVariantSayingOurs or Tags.PaddedKey or Tags.OursAndKeyCaseVariant, _)
            => WriteVerdict.Refused,
        (Tags.Untagged or Tags.NameOnly or Tags.EmptyOwner, WriteKind.Adopt) => sameKey ? WriteVerdict.Allowed : WriteVerdict.Refused,
        _ => WriteVerdict.Refused,
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void Fresh_tags_decide(Tags tags, bool sameKey, WriteKind kind, bool prune, WriteVerdict expected)
    {
        var evidence = new OwnershipEvidence(Uuid, TagsOf(tags), ReadThisRun: true, sameKey ? ManifestKey : OtherKey);

        var decision = WriteGate.Decide(kind, evidence, ManifestKey, Policy(prune));

        Assert.Equal(expected, decision.Verdict);
        if (expected == WriteVerdict.Refused)
        {
            Assert.Contains(Uuid, decision.Reason);
        }
        else
        {
            Assert.Equal("", decision.Reason);
        }
    }

    [Theory]
    [MemberData(nameof(Table))]
    public void Tags_not_read_in_this_run_are_never_enough(Tags tags, bool sameKey, WriteKind kind, bool prune, WriteVerdict _)
    {
        var evidence = new OwnershipEvidence(Uuid, TagsOf(tags), ReadThisRun: false, sameKey ? ManifestKey : OtherKey);

        Assert.Equal(WriteVerdict.NeedsFreshTags, WriteGate.Decide(kind, evidence, ManifestKey, Policy(prune)).Verdict);
    }

    [Fact]
    public void Another_owners_mapping_is_refused_with_the_owner_named_and_how_to_resolve()
    {
        var decision = WriteGate.Decide(WriteKind.Update, Fresh(Tags.OtherOwner), ManifestKey, Policy(prune: true));

        Assert.Contains("'team-b'", decision.Reason);
        Assert.Contains("not by 'esmctl'", decision.Reason);
        Assert.Contains("not updated", decision.Reason);
    }

    [Fact]
    public void A_claim_under_a_case_variant_of_the_ownership_key_is_refused_naming_that_key_and_its_value()
    {
        var decision = WriteGate.Decide(WriteKind.Adopt, Fresh(Tags.KeyCaseVariant), ManifestKey, Policy(prune: true));

        Assert.Contains("ESMCTL:managed-by", decision.Reason);
        Assert.Contains("team-b", decision.Reason);
        Assert.Contains("not adopted", decision.Reason);
    }

    [Fact]
    public void An_owned_mapping_whose_tags_were_removed_since_the_plan_says_to_plan_again_for_an_adoption()
    {
        var decision = WriteGate.Decide(WriteKind.ReplaceDelete, Fresh(Tags.Untagged), ManifestKey, Policy(prune: true));

        Assert.Contains("not deleted for its replacement", decision.Reason);
        Assert.Contains("adopt", decision.Reason);
        Assert.Contains("plan again", decision.Reason);
    }

    [Fact]
    public void An_adoption_of_a_mapping_that_no_longer_has_the_manifests_key_names_both_keys()
    {
        var decision = WriteGate.Decide(WriteKind.Adopt, Fresh(Tags.Untagged, OtherKey), ManifestKey, Policy(prune: false));

        Assert.Contains("function:g", decision.Reason);
        Assert.Contains("function:f", decision.Reason);
    }

    [Fact]
    public void An_adoption_without_a_known_key_is_refused()
    {
        var evidence = new OwnershipEvidence(Uuid, TagsOf(Tags.Untagged), ReadThisRun: true, LiveKey: null);

        Assert.Equal(WriteVerdict.Refused, WriteGate.Decide(WriteKind.Adopt, evidence, ManifestKey, Policy(false)).Verdict);
        Assert.Equal(WriteVerdict.Refused, WriteGate.Decide(WriteKind.Adopt, Fresh(Tags.Untagged), null, Policy(false)).Verdict);
    }

    [Fact]
    public void A_pruning_delete_without_prune_says_prune_is_needed()
    {
        var decision = WriteGate.Decide(WriteKind.Delete, Fresh(Tags.Ours), null, Policy(prune: false));

        Assert.Equal(WriteVerdict.Refused, decision.Verdict);
        Assert.Contains("--prune", decision.Reason);
    }

    [Fact]
    public void The_owner_is_the_policys_not_the_default()
    {
        var policy = new WritePolicy(new PlanOptions { Owner = "team-b" }, null);

        Assert.True(WriteGate.Decide(WriteKind.Update, Fresh(Tags.OtherOwner), null, policy).IsAllowed);
        Assert.False(WriteGate.Decide(WriteKind.Update, Fresh(Tags.Ours), null, policy).IsAllowed);
    }

    private static OwnershipEvidence Fresh(Tags tags, NaturalKey? key = null) => new(Uuid, TagsOf(tags), true, key ?? ManifestKey);

    private static WritePolicy Policy(bool prune) => new(new PlanOptions { Prune = prune }, maxDeletes: null);
}
