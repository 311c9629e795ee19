using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Nodes;

namespace Reconciler.Core.Normalization;

/// <summary>
/// The comparable leaves of one mapping (spec path to canonical value), kept in ordinal order of their paths. A mapping
/// has a few dozen leaves at most, so a sorted array with binary search does what a tree of nodes did, at a fraction of
/// the allocations: every plan builds two of these per pair, and a daemon builds them for every mapping on every tick.
/// </summary>
public sealed class CanonicalLeaves : IReadOnlyDictionary<string, JsonNode>
{
    // One array of pairs rather than two arrays; 8 holds the leaves of a usual mapping (an SQS mapping with a batch size
    // has 5), a richer one grows it once or twice.
    private KeyValuePair<string, JsonNode>[] _leaves;

    public CanonicalLeaves(int capacity = 8) => _leaves = new KeyValuePair<string, JsonNode>[Math.Max(1, capacity)];

    public int Count { get; private set; }

    /// <summary>The path at an index, in ordinal order (0 .. Count - 1).</summary>
    public string PathAt(int index) => _leaves[index].Key;

    /// <summary>The value at an index, in ordinal order of the paths.</summary>
    public JsonNode ValueAt(int index) => _leaves[index].Value;

    public JsonNode this[string path]
    {
        get => TryGetValue(path, out var value) ? value : throw new KeyNotFoundException(path);
        set => Set(path, value);
    }

    public IEnumerable<string> Keys => _leaves.Take(Count).Select(p => p.Key);

    public IEnumerable<JsonNode> Values => _leaves.Take(Count).Select(p => p.Value);

    public bool ContainsKey(string key) => IndexOf(key) >= 0;

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out JsonNode value)
    {
        var at = IndexOf(key);
        value = at >= 0 ? _leaves[at].Value : null;
        return at >= 0;
    }

    /// <summary>Sets the path's value, replacing one it had.</summary>
    public void Set(string path, JsonNode value)
    {
        var at = IndexOf(path);
        if (at >= 0) _leaves[at] = KeyValuePair.Create(path, value);
        else Insert(~at, path, value);
    }

    /// <summary>Adds the value unless the path has one already; true when added.</summary>
    public bool TryAdd(string path, JsonNode value)
    {
        var at = IndexOf(path);
        if (at >= 0) return false;
        Insert(~at, path, value);
        return true;
    }

    public bool Remove(string path)
    {
        var at = IndexOf(path);
        if (at < 0) return false;
        RemoveRange(at, 1);
        return true;
    }

    /// <summary>True when there is a leaf at the path or under it (path.member...).</summary>
    public bool AnyUnder(string path)
    {
        if (IndexOf(path) >= 0) return true;
        var (from, to) = RangeBelow(path);
        return to > from;
    }

    /// <summary>Removes the leaves at and under the path; returns them in order.</summary>
    public IReadOnlyList<KeyValuePair<string, JsonNode>> RemoveUnder(string path)
    {
        var at = IndexOf(path);
        var (from, to) = RangeBelow(path);
        var count = (at >= 0 ? 1 : 0) + to - from;
        if (count == 0) return [];
        var removed = new KeyValuePair<string, JsonNode>[count];
        var next = 0;
        if (at >= 0) removed[next++] = _leaves[at];
        for (var i = from; i < to; i++) removed[next++] = _leaves[i];
        // The range first: "path" itself sorts before "path.", so its index is not moved by removing the range.
        RemoveRange(from, to - from);
        if (at >= 0) RemoveRange(at, 1);
        return removed;
    }

    public IEnumerator<KeyValuePair<string, JsonNode>> GetEnumerator()
    {
        for (var i = 0; i < Count; i++) yield return _leaves[i];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>The index range of the paths under the path ("path." and more): contiguous in ordinal order. Keys such as
    /// "path-x" sort between "path" and "path." and are not in it.</summary>
    private (int From, int To) RangeBelow(string path)
    {
        // The first key at or after "path." (found without building that string: every field of every pair asks).
        Span<char> prefix = path.Length < 256 ? stackalloc char[path.Length + 1] : new char[path.Length + 1];
        path.CopyTo(prefix);
        prefix[^1] = '.';
        int low = 0, high = Count;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (_leaves[middle].Key.AsSpan().SequenceCompareTo(prefix) < 0) low = middle + 1;
            else high = middle;
        }
        var end = low;
        while (end < Count && _leaves[end].Key.AsSpan().StartsWith(prefix, StringComparison.Ordinal)) end++;
        return (low, end);
    }

    private int IndexOf(string path)
    {
        int low = 0, high = Count - 1;
        while (low <= high)
        {
            var middle = (low + high) >>> 1;
            var order = string.CompareOrdinal(_leaves[middle].Key, path);
            if (order == 0) return middle;
            if (order < 0) low = middle + 1;
            else high = middle - 1;
        }
        return ~low;
    }

    private void Insert(int at, string path, JsonNode value)
    {
        if (Count == _leaves.Length) Array.Resize(ref _leaves, Count * 2);
        // A loop, not Array.Copy: the few leaves moved cost less than the call's set-up for an array of references.
        for (var i = Count; i > at; i--) _leaves[i] = _leaves[i - 1];
        _leaves[at] = KeyValuePair.Create(path, value);
        Count++;
    }

    private void RemoveRange(int at, int length)
    {
        Array.Copy(_leaves, at + length, _leaves, at, Count - at - length);
        Count -= length;
        Array.Clear(_leaves, Count, length);
    }
}
