using FsCheck;
using FsCheck.Fluent;
using Reconciler.Core.Model;
using Reconciler.Core.Planning;
using Xunit;

namespace Reconciler.Core.Tests.Planning;

/// <summary>The planner decides an unchanged mapping with <see cref="TagDiff.Unchanged"/> instead of building the desired
/// tags and diffing them; it must agree with <see cref="TagDiff.Compare"/> of <see cref="Ownership.DesiredTags"/> for every
/// tag set, the ownership tags, aws: keys and null values included.</summary>
public sealed class TagDiffUnchangedTests
{
    private static readonly string[] Keys = ["team", "env", "Team", ManagedTags.ManagedBy, ManagedTags.Name, "aws:cloudformation:stack-name", "AWS:x", ""];
    private static readonly string?[] Values = ["payments", "orders", "", "esmctl", "mapping-1", "other", null];

    private static Gen<Dictionary<string, string>> Tags() =>
        Gen.ListOf(Gen.Elements(Keys).SelectMany(k => Gen.Elements(Values).Select(v => (k, v))))
            .Select(pairs =>
            {
                var tags = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var (k, v) in pairs) tags[k] = v!;
                return tags;
            });

    [Fact]
    public void Agrees_with_a_diff_of_the_desired_tags()
    {
        var names = Gen.Elements("mapping-1", "mapping-2");
        var owners = Gen.Elements("esmctl", "other");
        var user = Gen.OneOf(Tags().Select(t => (Dictionary<string, string>?)t), Gen.Constant<Dictionary<string, string>?>(null));
        // The live side: any tags, or what esmctl would have written for the manifest, changed in at most one entry (so the
        // unchanged case and each near miss are common).
        Gen<Dictionary<string, string>> Live(string name, string owner, Dictionary<string, string>? userTags) =>
            Gen.OneOf(
                Tags(),
                Gen.Elements(Keys).SelectMany(k => Gen.Elements(Values).SelectMany(v => Gen.Choose(0, 2).Select(how =>
                {
                    var t = new Dictionary<string, string>(userTags ?? [], StringComparer.Ordinal)
                    {
                        [ManagedTags.ManagedBy] = owner,
                        [ManagedTags.Name] = name,
                    };
                    if (how == 1) t[k] = v!;
                    if (how == 2) t.Remove(k);
                    return t;
                }))));
        var cases = names.SelectMany(name => owners.SelectMany(owner => user.SelectMany(userTags =>
            Live(name, owner, userTags).Select(liveTags => (name, owner, userTags, liveTags)))));
        var property = Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var (name, owner, userTags, liveTags) = c;
            var expected = TagDiff.Compare(Ownership.DesiredTags(name, userTags, owner), liveTags).Change.IsEmpty;
            return TagDiff.Unchanged(name, userTags, owner, liveTags) == expected;
        });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(3000), property);
    }

    [Fact]
    public void A_live_tag_the_manifest_dropped_is_a_change_and_an_aws_tag_is_not()
    {
        var user = new Dictionary<string, string> { ["team"] = "payments" };
        var live = new Dictionary<string, string>
        {
            [ManagedTags.ManagedBy] = "esmctl",
            [ManagedTags.Name] = "m",
            ["team"] = "payments",
            ["aws:cloudformation:stack-name"] = "s",
        };
        Assert.True(TagDiff.Unchanged("m", user, "esmctl", live));
        live["env"] = "prod";
        Assert.False(TagDiff.Unchanged("m", user, "esmctl", live));
        live.Remove("env");
        // A tag the manifest gives no value (team: ~) while the mapping has one: the diff sets it, so it is a change.
        Assert.False(TagDiff.Unchanged("m", new Dictionary<string, string> { ["team"] = null! }, "esmctl", live));
    }
}
