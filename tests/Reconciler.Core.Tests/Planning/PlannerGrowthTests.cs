using System.Collections;
using System.Diagnostics.CodeAnalysis;
using Reconciler.Core.Diagnostics;
using Reconciler.Core.Live;
using Reconciler.Core.Manifests;
using Reconciler.Core.Model;
using Reconciler.Core.Planning;

namespace Reconciler.Core.Tests.Planning;

/// <summary>
/// Growth in N, measured deterministically: the planner reaches live tags only through LiveState.Tags, so counting
/// those look-ups says whether any step is quadratic (no wall time involved).
/// </summary>
public sealed class PlannerGrowthTests
{
    [Theory]
    [InlineData(500)]
    [InlineData(2000)]
    public void Tag_lookups_grow_linearly_when_many_manifests_are_new_and_many_owned_mappings_have_other_names(int n)
    {
        // The worst case for pairing by name: no manifest matches by natural key, every live mapping is owned.
        var desired = Enumerable.Range(0, n).Select(i => Desired($"new-{i:D6}", $"arn:aws:sqs:us-east-1:123456789012:new-{i}")).ToList();
        var live = Enumerable.Range(0, n).Select(i => Live($"u-{i:D6}", $"arn:aws:sqs:us-east-1:123456789012:old-{i}")).ToList();
        var tags = new CountingTags(live.ToDictionary(
            m => m.Uuid,
            m => (IReadOnlyDictionary<string, string>)new Dictionary<string, string> { [ManagedTags.ManagedBy] = "esmctl", [ManagedTags.Name] = "old-" + m.Uuid },
            StringComparer.Ordinal));

        var plan = Planner.Plan(desired, new LiveState(live, tags), PlanOptions.Default with { Prune = true });

        Assert.Equal(n, plan.Actions.Count(a => a.Kind == PlanActionKind.Create));
        Assert.Equal(n, plan.Actions.Count(a => a.Kind == PlanActionKind.Delete));
        // Each live mapping is looked at a small constant number of times; a scan per manifest would be n * n.
        Assert.InRange(tags.Lookups, n, 4 * n);
    }

    [Fact]
    public void Pairing_by_name_still_takes_the_lowest_uuid_among_owned_mappings_with_the_manifests_name()
    {
        var desired = new[] { Desired("orders", "arn:aws:sqs:us-east-1:123456789012:moved") };
        var live = new[] { Live("u-3", "arn:aws:sqs:us-east-1:123456789012:a"), Live("u-1", "arn:aws:sqs:us-east-1:123456789012:b"), Live("u-2", "arn:aws:sqs:us-east-1:123456789012:c") };
        var tags = new Dictionary<string, IReadOnlyDictionary<string, string>>
        {
            ["u-3"] = Owned("orders"),
            ["u-1"] = Owned("orders", owner: "someone-else"),
            ["u-2"] = Owned("orders"),
        };

        var pairing = Pairing.Of(desired, new LiveState(live, tags), PlanOptions.Default);

        Assert.Equal("u-2", pairing.Pairs.Single().Live?.Uuid);
        Assert.Equal(PairedBy.Name, pairing.Pairs.Single().By);
        Assert.Equal(["u-1", "u-3"], pairing.UnpairedLive.Select(m => m.Uuid));
    }

    private static Dictionary<string, string> Owned(string name, string owner = "esmctl") =>
        new() { [ManagedTags.ManagedBy] = owner, [ManagedTags.Name] = name };

    private static DesiredMapping Desired(string name, string queue) => new()
    {
        Name = name,
        Spec = new MappingConfiguration { FunctionName = "fn", EventSourceArn = queue },
        Location = new SourceLocation("m.yaml", 1, 1),
    };

    private static LiveMapping Live(string uuid, string queue) => new()
    {
        Uuid = uuid,
        EventSourceMappingArn = $"arn:aws:lambda:us-east-1:123456789012:event-source-mapping:{uuid}",
        FunctionArn = "arn:aws:lambda:us-east-1:123456789012:function:fn",
        State = MappingStates.Enabled,
        Configuration = new MappingConfiguration { EventSourceArn = queue, BatchSize = 10, Enabled = true },
    };

    private sealed class CountingTags(Dictionary<string, IReadOnlyDictionary<string, string>> inner)
        : IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>
    {
        public int Lookups { get; private set; }

        public bool TryGetValue(string key, [MaybeNullWhen(false)] out IReadOnlyDictionary<string, string> value)
        {
            Lookups++;
            return inner.TryGetValue(key, out value);
        }

        public IReadOnlyDictionary<string, string> this[string key]
        {
            get
            {
                Lookups++;
                return inner[key];
            }
        }

        public bool ContainsKey(string key)
        {
            Lookups++;
            return inner.ContainsKey(key);
        }

        public IEnumerable<string> Keys => inner.Keys;
        public IEnumerable<IReadOnlyDictionary<string, string>> Values => inner.Values;
        public int Count => inner.Count;
        public IEnumerator<KeyValuePair<string, IReadOnlyDictionary<string, string>>> GetEnumerator() => inner.GetEnumerator();
        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
