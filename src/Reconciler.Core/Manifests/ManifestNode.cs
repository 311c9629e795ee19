using Reconciler.Core.Diagnostics;
using YamlDotNet.Core;

namespace Reconciler.Core.Manifests;

// The YAML of a manifest as a tree that remembers where every node was written, so each diagnostic can name
// the line and column. Aliases share the anchored node; Size counts the tree as if they were expanded.

internal abstract record ManifestNode(TextPosition Position)
{
    /// <summary>Where the node was written (made when asked: a valid document asks for few).</summary>
    public SourceLocation Location => Position.ToLocation();

    /// <summary>Nodes in this subtree with aliases expanded.</summary>
    public abstract int Size { get; }
}

/// <summary>Value is the text as written; Plain is false for quoted and block scalars, which are always strings.
/// <see cref="Start"/> and <see cref="End"/> are character offsets in the file's text, so a position inside the value
/// (a JSON syntax error in a filter pattern) can be mapped back to the file.</summary>
internal sealed record ScalarNode(TextPosition Position, string Value, ScalarStyle Style, string? Tag, int Start, int End) : ManifestNode(Position)
{
    public bool Plain => Style == ScalarStyle.Plain;

    public override int Size => 1;
}

internal sealed record SequenceNode(TextPosition Position, IReadOnlyList<ManifestNode> Items, int ExpandedSize) : ManifestNode(Position)
{
    public override int Size => ExpandedSize;
}

internal sealed record MappingNode(TextPosition Position, IReadOnlyList<MappingEntry> Entries, int ExpandedSize) : ManifestNode(Position)
{
    public override int Size => ExpandedSize;

    public ManifestNode? this[string key]
    {
        get
        {
            // A loop, not LINQ: every field read of every document comes through here.
            for (var i = 0; i < Entries.Count; i++)
            {
                if (Entries[i].Key.Value == key) return Entries[i].Value;
            }
            return null;
        }
    }
}

/// <summary>A key and its value, held by value in the mapping's array (a manifest has a dozen or more).</summary>
internal readonly record struct MappingEntry(ScalarNode Key, ManifestNode Value);
