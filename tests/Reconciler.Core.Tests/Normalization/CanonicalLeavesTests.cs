using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using Reconciler.Core.Normalization;
using Xunit;

namespace Reconciler.Core.Tests.Normalization;

/// <summary>
/// <see cref="CanonicalLeaves"/> replaced a SortedDictionary of paths in the diff: it must keep ordinal order and answer
/// "anything at or under this path" and "remove what is under it" exactly as a scan with
/// <see cref="CanonicalFields.IsUnder"/> over a sorted dictionary does, including for keys that share a prefix without a
/// dot ("scalingConfig-x", "scalingConfigs").
/// </summary>
public sealed class CanonicalLeavesTests
{
    private static readonly string[] Segments = ["a", "a-b", "ab", "b", "scalingConfig", "scalingConfig-x", "scalingConfigs", "maximumConcurrency", "A", "_", "0"];

    private static Gen<string> Path() =>
        Gen.Choose(1, 3).SelectMany(n => Gen.ArrayOf(Gen.Elements(Segments), n)).Select(parts => string.Join('.', parts));

    private enum Op { Set, TryAdd, Remove, RemoveUnder }

    [Fact]
    public void Behaves_as_a_sorted_dictionary_with_a_scan_for_paths_under_a_member()
    {
        var step = Gen.Elements(Op.Set, Op.TryAdd, Op.Remove, Op.RemoveUnder).SelectMany(op => Path().Select(path => (op, path)));
        Prop.ForAll(Gen.ListOf(step).ToArbitrary(), Path().ToArbitrary(), (steps, probe) =>
        {
            var leaves = new CanonicalLeaves(capacity: 1);
            var model = new SortedDictionary<string, JsonNode>(StringComparer.Ordinal);
            var value = 0;
            foreach (var (op, path) in steps)
            {
                value++;
                switch (op)
                {
                    case Op.Set:
                        leaves[path] = JsonValue.Create(value);
                        model[path] = JsonValue.Create(value);
                        break;
                    case Op.TryAdd:
                        if (leaves.TryAdd(path, JsonValue.Create(value)) != model.TryAdd(path, JsonValue.Create(value))) return false;
                        break;
                    case Op.Remove:
                        if (leaves.Remove(path) != model.Remove(path)) return false;
                        break;
                    case Op.RemoveUnder:
                        var expected = model.Where(p => CanonicalFields.IsUnder(p.Key, path)).ToList();
                        foreach (var (key, _) in expected) model.Remove(key);
                        var removed = leaves.RemoveUnder(path);
                        if (!removed.Select(p => (p.Key, p.Value.ToJsonString())).SequenceEqual(expected.Select(p => (p.Key, p.Value.ToJsonString()))))
                            return false;
                        break;
                }
            }
            var indexed = Enumerable.Range(0, leaves.Count).Select(i => (leaves.PathAt(i), leaves.ValueAt(i).ToJsonString()));
            return leaves.Count == model.Count
                && leaves.Select(p => (p.Key, p.Value.ToJsonString())).SequenceEqual(model.Select(p => (p.Key, p.Value.ToJsonString())))
                && indexed.SequenceEqual(model.Select(p => (p.Key, p.Value.ToJsonString())))
                && leaves.Keys.SequenceEqual(model.Keys)
                && leaves.AnyUnder(probe) == model.Keys.Any(k => CanonicalFields.IsUnder(k, probe))
                && leaves.ContainsKey(probe) == model.ContainsKey(probe);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void A_key_sharing_a_prefix_without_a_dot_is_not_under_the_member()
    {
        var leaves = new CanonicalLeaves
        {
            ["scalingConfig"] = JsonValue.Create(1),
            ["scalingConfig-x"] = JsonValue.Create(2),
            ["scalingConfig.maximumConcurrency"] = JsonValue.Create(3),
            ["scalingConfigs"] = JsonValue.Create(4),
        };

        var removed = leaves.RemoveUnder("scalingConfig");

        Assert.Equal(["scalingConfig", "scalingConfig.maximumConcurrency"], removed.Select(p => p.Key));
        Assert.Equal(["scalingConfig-x", "scalingConfigs"], leaves.Keys);
        Assert.False(leaves.AnyUnder("scalingConfig"));
        Assert.True(leaves.AnyUnder("scalingConfigs"));
    }
}
