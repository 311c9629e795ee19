using System.Text.RegularExpressions;
using Reconciler.Core.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Reconciler.Core.Manifests;

/// <summary>
/// Builds <see cref="ManifestNode"/> trees from YamlDotNet's event parser, one per document, keeping every
/// node's line and column. It enforces the <see cref="ParseLimits"/> while building, so an alias bomb or a
/// deeply nested document is refused before it is expanded, and reports duplicate keys (YAML forbids them,
/// and silently keeping one of two values would hide a mistake).
/// </summary>
internal sealed partial class YamlComposer(string file, DiagnosticBag diagnostics)
{
    private readonly Dictionary<string, ManifestNode> _anchors = new(StringComparer.Ordinal);
    private int _documentNodes;
    private TextPosition? _lastPosition;

    /// <summary>Each document's root node, or null for an empty document; stops at the first syntax error.</summary>
    public IReadOnlyList<(SourceLocation Start, ManifestNode? Root)> Compose(string text)
    {
        var documents = new List<(SourceLocation, ManifestNode?)>();
        try
        {
            var parser = new Parser(new StringReader(text));
            parser.Consume<StreamStart>();
            while (parser.TryConsume<DocumentStart>(out var start))
            {
                _anchors.Clear();
                _documentNodes = 0;
                var root = ReadNode(parser, depth: 1);
                parser.Consume<DocumentEnd>();
                var empty = root is ScalarNode { Plain: true, Value: "" or "~" or "null", Tag: null };
                documents.Add((Locate(start.Start), empty ? null : root));
            }
            parser.Consume<StreamEnd>();
        }
        catch (LimitExceeded limit)
        {
            diagnostics.Error(limit.Location, "", limit.Message);
        }
        catch (YamlException syntax) when (syntax.Message.Contains("tab", StringComparison.OrdinalIgnoreCase)
                                           && TabIndentation(text, (int)syntax.Start.Line) is { } tab)
        {
            // YamlDotNet places this error at the start of the enclosing mapping (often 1:1): point at the tab itself.
            diagnostics.Error(tab, "", "YAML syntax error: a tab is used for indentation; YAML indents with spaces only (use spaces)");
        }
        catch (YamlException syntax)
        {
            diagnostics.Error(Locate(syntax.Start), "", "YAML syntax error: " + CleanMessage(syntax.Message));
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner throws this, instead of a YamlException, on some malformed plain scalars
            // (found by the fuzz test): it is still bad input, reported where the last good node started.
            diagnostics.Error(_lastPosition?.ToLocation() ?? new SourceLocation(file, 1, 1), "",
                "YAML syntax error: malformed text after this point (check quotes, brackets and indentation)");
        }
        return documents;
    }

    private ManifestNode ReadNode(IParser parser, int depth)
    {
        var current = parser.Current ?? throw new YamlException("unexpected end of input");
        var location = new TextPosition(file, (int)Math.Max(1, current.Start.Line), (int)Math.Max(1, current.Start.Column));
        _lastPosition = location;
        if (depth > ParseLimits.MaxDepth)
        {
            throw new LimitExceeded(location.ToLocation(), $"document nests deeper than {ParseLimits.MaxDepth} levels; a manifest never needs that");
        }

        switch (current)
        {
            case AnchorAlias alias:
                parser.MoveNext();
                if (!_anchors.TryGetValue(alias.Value.Value, out var target))
                {
                    throw new LimitExceeded(location.ToLocation(), $"alias *{alias.Value.Value} refers to no anchor defined before it");
                }
                Count(target.Size, location);
                return target;
            case Scalar scalar:
                parser.MoveNext();
                Count(1, location);
                var node = new ScalarNode(location, scalar.Value, scalar.Style, TagOf(scalar.Tag), (int)scalar.Start.Index, (int)scalar.End.Index);
                return Remember(scalar.Anchor, node);
            case SequenceStart sequenceStart:
            {
                parser.MoveNext();
                Count(1, location);
                var items = new List<ManifestNode>();
                var size = 1;
                while (!parser.TryConsume<SequenceEnd>(out _))
                {
                    var item = ReadNode(parser, depth + 1);
                    items.Add(item);
                    size += item.Size;
                }
                return Remember(sequenceStart.Anchor, new SequenceNode(location, items, size));
            }
            case MappingStart mappingStart:
            {
                parser.MoveNext();
                Count(1, location);
                var entries = new Keys();
                List<MappingNode>? merged = null;
                var size = 1;
                while (!parser.TryConsume<MappingEnd>(out _))
                {
                    var key = ReadNode(parser, depth + 1);
                    var value = ReadNode(parser, depth + 1);
                    size += key.Size + value.Size;
                    if (key is not ScalarNode scalarKey)
                    {
                        diagnostics.Error(key.Location, "", "a mapping key must be a plain name, not a mapping or a list");
                        continue;
                    }
                    if (scalarKey is { Plain: true, Value: "<<" } && CollectMerge(value, merged ??= []))
                    {
                        continue;
                    }
                    if (entries.Find(scalarKey.Value) is { } first)
                    {
                        diagnostics.Error(scalarKey.Location, "", DuplicateKey(scalarKey.Value, first));
                        continue;
                    }
                    entries.Add(new MappingEntry(scalarKey, value));
                }
                // Merge keys (<<: *defaults), as Kubernetes tooling accepts them: keys written here win, then earlier merges.
                foreach (var entry in merged?.SelectMany(m => m.Entries) ?? [])
                {
                    if (entries.Find(entry.Key.Value) is null) entries.Add(entry);
                }
                return Remember(mappingStart.Anchor, new MappingNode(location, entries.Entries, size));
            }
            default:
                throw new YamlException(current.Start, current.End, $"unexpected {current.GetType().Name}");
        }
    }

    /// <summary>A mapping's entries so far, and which keys they hold: scanned while there are few (a manifest's mappings
    /// hold a handful of keys, and the scan allocates nothing), indexed once there are many (a hostile tags map).</summary>
    private sealed class Keys
    {
        private const int ScanLimit = 16;
        private Dictionary<string, ScalarNode>? _index;

        public List<MappingEntry> Entries { get; } = [];

        public ScalarNode? Find(string key)
        {
            if (_index is not null) return _index.GetValueOrDefault(key);
            foreach (var entry in Entries)
            {
                if (entry.Key.Value == key) return entry.Key;
            }
            return null;
        }

        public void Add(MappingEntry entry)
        {
            Entries.Add(entry);
            if (_index is not null) _index[entry.Key.Value] = entry.Key;
            else if (Entries.Count > ScanLimit) _index = Entries.ToDictionary(e => e.Key.Value, e => e.Key, StringComparer.Ordinal);
        }
    }

    /// <summary>The error for a key written twice in one mapping (<see cref="BlockYamlReader"/> words it the same).</summary>
    internal static string DuplicateKey(string key, ScalarNode first) =>
        $"duplicate key `{key}` (first written at line {first.Position.Line}); a key may appear only once in a mapping";

    private static bool CollectMerge(ManifestNode value, List<MappingNode> merged)
    {
        switch (value)
        {
            case MappingNode mapping:
                merged.Add(mapping);
                return true;
            case SequenceNode sequence when sequence.Items.All(i => i is MappingNode):
                merged.AddRange(sequence.Items.Cast<MappingNode>());
                return true;
            default:
                return false;
        }
    }

    private void Count(int nodes, TextPosition location)
    {
        _documentNodes += nodes;
        if (_documentNodes > ParseLimits.MaxNodesPerDocument)
        {
            throw new LimitExceeded(location.ToLocation(),
                $"document expands to more than {ParseLimits.MaxNodesPerDocument} nodes once aliases are expanded; refusing it (an alias bomb?)");
        }
    }

    private ManifestNode Remember(AnchorName anchor, ManifestNode node)
    {
        if (!anchor.IsEmpty) _anchors[anchor.Value] = node;
        return node;
    }

    /// <summary>The first tab in the indentation of a line holding content, from <paramref name="fromLine"/> on.</summary>
    private SourceLocation? TabIndentation(string text, int fromLine)
    {
        var line = 1;
        for (var start = 0; start < text.Length; line++)
        {
            var end = text.IndexOf('\n', start);
            if (end < 0) end = text.Length;
            if (line >= fromLine)
            {
                var content = start;
                while (content < end && text[content] is ' ' or '\t') content++;
                var tab = text.IndexOf('\t', start, content - start);
                if (tab >= 0 && content < end && text[content] is not ('\r' or '#')) return new SourceLocation(file, line, tab - start + 1);
            }
            start = end + 1;
        }
        return null;
    }

    private static string? TagOf(TagName tag) => tag.IsEmpty || tag.IsNonSpecific ? null : tag.Value;

    private SourceLocation Locate(Mark mark) => new(file, (int)Math.Max(1, mark.Line), (int)Math.Max(1, mark.Column));

    private static string CleanMessage(string message) => MarkPrefix().Replace(message, "").Trim();

    [GeneratedRegex(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\):\s*")]
    private static partial Regex MarkPrefix();

    private sealed class LimitExceeded(SourceLocation location, string message) : Exception(message)
    {
        public SourceLocation Location { get; } = location;
    }
}
