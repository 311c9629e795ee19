using Reconciler.Core.Diagnostics;
using YamlDotNet.Core;

namespace Reconciler.Core.Manifests;

/// <summary>
/// Composes the <see cref="ManifestNode"/> trees of a file written in the block-style YAML manifests use, straight from
/// the text: YamlDotNet's tokens and events cost about 8 KB per document, several times the tree itself. It knows a
/// small subset only (block mappings and sequences, one-line plain, single- and double-quoted scalars with the common
/// escapes, comments, <c>---</c> between documents, <c>[]</c> and <c>{}</c>) and gives up on the whole file at the first
/// thing outside it (anchors, tags, flow collections, block scalars, a scalar over several lines, a tab, a directive,
/// an unusual character, any syntax error): <see cref="YamlComposer"/> then reads the file from the start, so every
/// unusual construct and every syntax error is read and worded exactly as before. Where it does answer, it answers as
/// <see cref="YamlComposer"/> would (values, styles, lines, columns, offsets, duplicate keys): BlockYamlReaderTests
/// holds the two to each other on the repository's manifests and on generated and mutated YAML.
/// </summary>
internal sealed class BlockYamlReader
{
    /// <summary>Keys up to this length are shared within a file (they repeat in every document).</summary>
    private const int PooledLength = 48;

    /// <summary>Values this short are shared too (regions, kinds, numbers, team names repeat; names and ARNs do not, and
    /// pooling them would only grow the pool).</summary>
    private const int PooledValueLength = 20;

    /// <summary>A mapping's keys are scanned up to this many, then indexed.</summary>
    private const int ScanLimit = 16;

    private readonly string _file;
    private readonly string _text;
    private readonly List<Diagnostic> _duplicates = [];
    private readonly Dictionary<string, string> _pool = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _pooled;
    private readonly List<List<MappingEntry>> _scratch = [];

    // The line being read: its number, where it starts, where its content starts (after the indentation) and ends
    // (before the line break); _next is where the following line starts.
    private int _line;
    private int _lineStart;
    private int _content;
    private int _end;
    private int _next;
    private int _nodes;

    private BlockYamlReader(string file, string text)
    {
        _file = file;
        _text = text;
        _pooled = _pool.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The documents as <see cref="YamlComposer.Compose"/> returns them, with the duplicate-key errors added to
    /// <paramref name="diagnostics"/>; or null (and nothing added) when the text is not in the subset.</summary>
    public static IReadOnlyList<(SourceLocation Start, ManifestNode? Root)>? TryCompose(string file, string text, DiagnosticBag diagnostics)
    {
        if (!OnlyPlainCharacters(text)) return null;
        var reader = new BlockYamlReader(file, text);
        try
        {
            var documents = reader.Documents();
            if (documents is null) return null;
            diagnostics.AddRange(reader._duplicates);
            return documents;
        }
        catch (OutsideSubset)
        {
            return null;
        }
        catch (Exception e) when (e is IndexOutOfRangeException or ArgumentOutOfRangeException)
        {
            // A text the reader misjudges must never cost the user a load: YamlDotNet reads it as it always did.
            return null;
        }
    }

    /// <summary>Printable characters, spaces and line breaks (\n, \r\n) only: no tab (whose meaning depends on where it
    /// is), no other YAML line break (U+0085, U+2028, U+2029), no BOM, no surrogate (columns would count differently).</summary>
    private static bool OnlyPlainCharacters(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is >= ' ' and <= '~' or '\n') continue;
            if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') continue;
            if (c is >= '\u00A0' and <= '\uD7FF' and not ('\u2028' or '\u2029')) continue;
            if (c is >= '\uE000' and <= '\uFFFD' and not '\uFEFF') continue;
            return false;
        }
        return true;
    }

    private List<(SourceLocation, ManifestNode?)>? Documents()
    {
        var documents = new List<(SourceLocation, ManifestNode?)>();
        _next = 0;
        _line = 0;
        var first = true;
        NextContentLine();
        while (_content >= 0)
        {
            if (IsMarker("..."))
            {
                return null;
            }
            if (IsMarker("---"))
            {
                var start = new SourceLocation(_file, _line, 1);
                RestIsBlank(_lineStart + 3);
                NextContentLine();
                if (_content < 0 || IsMarker("---"))
                {
                    documents.Add((start, null));
                    first = false;
                    continue;
                }
                documents.Add((start, Root()));
            }
            else
            {
                // Content before any "---" is an implicit document; after one, a document must start with "---".
                if (!first || _text[_content] == '%') return null;
                var root = Root();
                documents.Add((root.Location, root));
            }
            first = false;
        }
        return documents;
    }

    /// <summary>A document's root: a block mapping, ended by the end of the text or the next "---".</summary>
    private MappingNode Root()
    {
        _nodes = 0;
        if (Indent != 0 || IsMarker("...") || StartsSequenceEntry(_content)) throw new OutsideSubset();
        var root = Mapping(0, depth: 1);
        if (_content >= 0 && !IsMarker("---")) throw new OutsideSubset();
        return root;
    }

    private int Indent => _content - _lineStart;

    /// <summary>Reads the block mapping whose keys start at column <paramref name="indent"/>, from the key at the
    /// current position (which may follow a "- " on its line), to the first line indented less.</summary>
    private MappingNode Mapping(int indent, int depth)
    {
        var position = Here(_content);
        Count(depth);
        var entries = Scratch(depth);
        Dictionary<string, ScalarNode>? index = null;
        var size = 1;
        while (true)
        {
            var key = Key(depth + 1);
            var value = ValueAfterKey(indent, depth + 1);
            size += 1 + value.Size;
            if (key is { Plain: true, Value: "<<" }) throw new OutsideSubset();
            if (Find(entries, index, key.Value) is { } firstKey)
            {
                _duplicates.Add(Diagnostic.Error(key.Location, "", YamlComposer.DuplicateKey(key.Value, firstKey)));
            }
            else
            {
                entries.Add(new MappingEntry(key, value));
                if (index is not null) index[key.Value] = key;
                else if (entries.Count > ScanLimit) index = entries.ToDictionary(e => e.Key.Value, e => e.Key, StringComparer.Ordinal);
            }

            if (_content < 0 || Indent < indent || IsMarker("---")) break;
            // More indented, a "-" at a key's column after a value, or "...": an error or outside the subset.
            if (Indent > indent || StartsSequenceEntry(_content) || IsMarker("...")) throw new OutsideSubset();
        }
        MappingEntry[] result = [.. entries];
        entries.Clear();
        return new MappingNode(position, result, size);
    }

    /// <summary>The key already written in the mapping: scanned while there are few (a manifest's mappings hold a handful),
    /// indexed once there are many (a hostile tags map).</summary>
    private static ScalarNode? Find(List<MappingEntry> entries, Dictionary<string, ScalarNode>? index, string key)
    {
        if (index is not null) return index.GetValueOrDefault(key);
        foreach (var entry in entries)
        {
            if (entry.Key.Value == key) return entry.Key;
        }
        return null;
    }

    /// <summary>A mapping's entries while it is read, one list per depth, reused from document to document.</summary>
    private List<MappingEntry> Scratch(int depth)
    {
        while (_scratch.Count <= depth) _scratch.Add([]);
        return _scratch[depth];
    }

    /// <summary>The key at the current position and its ':', leaving the position after the blanks that follow.</summary>
    private ScalarNode Key(int depth)
    {
        var at = _content;
        var key = _text[at] switch
        {
            '\'' or '"' => Quoted(ref at, depth),
            _ => PlainKey(ref at, depth),
        };
        if (at >= _end || _text[at] != ':') throw new OutsideSubset();
        at++;
        if (at < _end && _text[at] != ' ') throw new OutsideSubset();
        // A simple key is at most 1024 characters in YAML; stay well inside.
        if (key.End - key.Start > 1000) throw new OutsideSubset();
        while (at < _end && _text[at] == ' ') at++;
        _content = at;
        return key;
    }

    private ScalarNode PlainKey(ref int at, int depth)
    {
        var start = at;
        if (!MayStartPlain(start)) throw new OutsideSubset();
        for (; at < _end; at++)
        {
            var c = _text[at];
            if (c == ':' && (at + 1 == _end || _text[at + 1] == ' ')) break;
            if (c == '#' && _text[at - 1] == ' ') throw new OutsideSubset();
        }
        if (at == _end || _text[at - 1] == ' ') throw new OutsideSubset();
        return Scalar(start, at, ScalarStyle.Plain, Pooled(start, at, PooledLength), depth);
    }

    /// <summary>What follows a key's ':' (the position is past the blanks after it): a scalar on the same line, or the
    /// block on the lines below, or nothing (null). Leaves the reader on the next content line.</summary>
    private ManifestNode ValueAfterKey(int indent, int depth)
    {
        var at = _content;
        if (at >= _end || _text[at] == '#')
        {
            // Nothing on the key's line: the value is the block below (more indented, or a sequence at the key's own
            // column), or an empty scalar.
            var (emptyAt, emptyLine, emptyColumn) = EmptyScalarAfterKey();
            NextContentLine();
            if (_content >= 0 && !(Indent == 0 && (IsMarker("---") || IsMarker("..."))))
            {
                if (Indent > indent) return Block(Indent, depth);
                if (Indent == indent && StartsSequenceEntry(_content)) return Sequence(indent, depth);
            }
            Count(depth);
            return new ScalarNode(new TextPosition(_file, emptyLine, emptyColumn), "", ScalarStyle.Plain, null, emptyAt, emptyAt);
        }
        var value = InlineValue(depth);
        NextContentLine();
        if (_content >= 0 && Indent > indent) throw new OutsideSubset(); // a continuation line, or an error
        return value;
    }

    /// <summary>Where YamlDotNet places the empty scalar of a key with no value: just after the key's ':' (the end of
    /// its Value token). Made only when no block follows.</summary>
    private (int At, int Line, int Column) EmptyScalarAfterKey()
    {
        var afterColon = _content;
        while (_text[afterColon - 1] == ' ') afterColon--;
        return (afterColon, _line, afterColon - _lineStart + 1);
    }

    /// <summary>A block node starting on the current line at column <paramref name="indent"/>: a sequence or a mapping.</summary>
    private ManifestNode Block(int indent, int depth)
    {
        if (StartsSequenceEntry(_content)) return Sequence(indent, depth);
        if (!LooksLikeKey(_content)) throw new OutsideSubset();
        return Mapping(indent, depth);
    }

    /// <summary>Reads the block sequence whose "-" are at column <paramref name="indent"/>.</summary>
    private SequenceNode Sequence(int indent, int depth)
    {
        var position = Here(_content);
        Count(depth);
        var items = new List<ManifestNode>();
        var size = 1;
        while (true)
        {
            // The item starts after "- " and its blanks, on the same line.
            var at = _content + 1;
            while (at < _end && _text[at] == ' ') at++;
            if (at >= _end || _text[at] == '#' || StartsSequenceEntry(at)) throw new OutsideSubset();
            _content = at;
            ManifestNode item;
            if (LooksLikeKey(at))
            {
                item = Mapping(at - _lineStart, depth + 1);
            }
            else
            {
                item = InlineValue(depth + 1);
                NextContentLine();
                if (_content >= 0 && Indent > indent) throw new OutsideSubset();
            }
            items.Add(item);
            size += item.Size;
            if (_content < 0 || Indent < indent) break;
            if (Indent > indent) throw new OutsideSubset();
            if (!StartsSequenceEntry(_content)) break; // the parent mapping's next key, or an error it finds
        }
        return new SequenceNode(position, [.. items], size);
    }

    /// <summary>A value written on the line at the current position: a one-line scalar, [] or {}; the rest of the line
    /// must be blank or a comment.</summary>
    private ManifestNode InlineValue(int depth)
    {
        var at = _content;
        ManifestNode value;
        switch (_text[at])
        {
            case '\'' or '"':
                value = Quoted(ref at, depth);
                break;
            case '[':
                value = FlowSequence(ref at, depth);
                break;
            case '{':
                if (at + 1 >= _end || _text[at + 1] != '}') throw new OutsideSubset();
                Count(depth);
                value = new MappingNode(Here(at), [], 1);
                at += 2;
                break;
            default:
                value = PlainValue(ref at, depth);
                break;
        }
        RestIsBlank(at);
        return value;
    }

    /// <summary>A list on one line of plain words or quoted scalars, as in <c>topics: [orders, "payments"]</c>; no nesting,
    /// no empty entry, no key.</summary>
    private SequenceNode FlowSequence(ref int at, int depth)
    {
        var position = Here(at);
        Count(depth);
        at++;
        while (at < _end && _text[at] == ' ') at++;
        if (at < _end && _text[at] == ']')
        {
            at++;
            return new SequenceNode(position, [], 1);
        }
        var items = new List<ManifestNode>();
        while (true)
        {
            if (at >= _end) throw new OutsideSubset();
            var item = _text[at] is '\'' or '"' ? Quoted(ref at, depth + 1) : FlowWord(ref at, depth + 1);
            items.Add(item);
            while (at < _end && _text[at] == ' ') at++;
            if (at >= _end) throw new OutsideSubset();
            if (_text[at] == ']') break;
            if (_text[at] != ',') throw new OutsideSubset();
            at++;
            while (at < _end && _text[at] == ' ') at++;
        }
        at++;
        return new SequenceNode(position, [.. items], 1 + items.Count);
    }

    /// <summary>A plain scalar inside [...]: a run of characters with no blank and nothing YAML gives meaning to.</summary>
    private ScalarNode FlowWord(ref int at, int depth)
    {
        var start = at;
        if (!MayStartPlain(start)) throw new OutsideSubset();
        while (at < _end && _text[at] is not (' ' or ',' or '[' or ']' or '{' or '}' or '#' or ':' or '?' or '\'' or '"')) at++;
        if (at == start || at < _end && _text[at] is not (' ' or ',' or ']')) throw new OutsideSubset();
        return Scalar(start, at, ScalarStyle.Plain, Pooled(start, at, PooledValueLength), depth);
    }

    private ScalarNode PlainValue(ref int at, int depth)
    {
        var start = at;
        if (!MayStartPlain(start)) throw new OutsideSubset();
        var last = at;
        for (; at < _end; at++)
        {
            var c = _text[at];
            if (c == ':' && (at + 1 == _end || _text[at + 1] == ' ')) throw new OutsideSubset(); // a: b: c
            if (c == '#' && _text[at - 1] == ' ') break;
            if (c != ' ') last = at + 1;
        }
        at = last;
        return Scalar(start, last, ScalarStyle.Plain, Pooled(start, last, PooledValueLength), depth);
    }

    private ScalarNode Quoted(ref int at, int depth)
    {
        var start = at;
        var quote = _text[at++];
        var simple = true;
        var from = at;
        for (; ; at++)
        {
            if (at >= _end) throw new OutsideSubset(); // continues on the next line, or never closes
            var c = _text[at];
            if (quote == '\'' && c == '\'')
            {
                if (at + 1 < _end && _text[at + 1] == '\'') { simple = false; at++; continue; }
                break;
            }
            if (quote == '"' && c == '"') break;
            if (quote == '"' && c == '\\')
            {
                simple = false;
                at++;
                if (at >= _end) throw new OutsideSubset();
                if (_text[at] == 'u') at += 4;
            }
        }
        var value = simple ? Pooled(from, at, PooledValueLength) : Unescape(from, at, quote);
        at++;
        return Scalar(start, at, quote == '\'' ? ScalarStyle.SingleQuoted : ScalarStyle.DoubleQuoted, value, depth);
    }

    /// <summary>A quoted scalar's value: '' in single quotes; in double quotes the escapes manifests use, no others.</summary>
    private string Unescape(int from, int to, char quote)
    {
        var value = new System.Text.StringBuilder(to - from);
        for (var i = from; i < to; i++)
        {
            var c = _text[i];
            if (quote == '\'')
            {
                value.Append(c);
                if (c == '\'') i++;
                continue;
            }
            if (c != '\\')
            {
                value.Append(c);
                continue;
            }
            var escape = _text[++i];
            switch (escape)
            {
                case '\\' or '"' or '/': value.Append(escape); break;
                case 'n': value.Append('\n'); break;
                case 't': value.Append('\t'); break;
                case 'r': value.Append('\r'); break;
                case 'u':
                    if (i + 4 >= to || !ushort.TryParse(_text.AsSpan(i + 1, 4), System.Globalization.NumberStyles.AllowHexSpecifier, null, out var code)
                        || code is < 0x20 or (>= 0x7F and < 0xA0) or (>= 0xD800 and <= 0xDFFF) or 0xFEFF or 0xFFFE or 0xFFFF or 0x2028 or 0x2029)
                        throw new OutsideSubset();
                    value.Append((char)code);
                    i += 4;
                    break;
                default: throw new OutsideSubset();
            }
        }
        return value.ToString();
    }

    private ScalarNode Scalar(int start, int end, ScalarStyle style, string value, int depth)
    {
        Count(depth);
        return new ScalarNode(Here(start), value, style, null, start, end);
    }

    /// <summary>A plain scalar starts with no indicator; "-" only when something other than a blank, a line break or a
    /// flow indicator follows ("[-]" is not a list of "-": YamlDotNet refuses it, so the reader declines).</summary>
    private bool MayStartPlain(int at)
    {
        var c = _text[at];
        if (c == '-') return at + 1 < _end && _text[at + 1] is not (' ' or '\t' or '\r' or '\n' or ',' or '[' or ']' or '{' or '}');
        return c is not ('?' or ':' or ',' or '[' or ']' or '{' or '}' or '#' or '&' or '*' or '!' or '|' or '>' or '\'' or '"' or '%' or '@' or '`');
    }

    /// <summary>Whether the line from <paramref name="at"/> holds a key and its ':' (plain or quoted).</summary>
    private bool LooksLikeKey(int at)
    {
        var c = _text[at];
        if (c is '\'' or '"')
        {
            for (var i = at + 1; i < _end; i++)
            {
                if (_text[i] == c)
                {
                    if (c == '\'' && i + 1 < _end && _text[i + 1] == '\'') { i++; continue; }
                    return i + 1 < _end && _text[i + 1] == ':';
                }
                if (c == '"' && _text[i] == '\\') i++;
            }
            return false;
        }
        for (var i = at; i < _end; i++)
        {
            if (_text[i] == ':' && (i + 1 == _end || _text[i + 1] == ' ')) return true;
            if (_text[i] == '#' && i > at && _text[i - 1] == ' ') return false;
        }
        return false;
    }

    private bool StartsSequenceEntry(int at) => _text[at] == '-' && (at + 1 == _end || _text[at + 1] == ' ');

    private bool IsMarker(string marker) =>
        _content == _lineStart && _end - _lineStart >= 3 && string.CompareOrdinal(_text, _lineStart, marker, 0, 3) == 0
        && (_end == _lineStart + 3 || _text[_lineStart + 3] == ' ');

    /// <summary>The rest of the line from <paramref name="at"/> must be blanks and perhaps a comment after a blank.</summary>
    private void RestIsBlank(int at)
    {
        var blank = false;
        for (; at < _end; at++)
        {
            if (_text[at] == ' ') { blank = true; continue; }
            if (_text[at] == '#' && blank) return;
            throw new OutsideSubset();
        }
    }

    /// <summary>Moves to the next line holding something other than blanks or a comment; _content is -1 at the end.</summary>
    private void NextContentLine()
    {
        while (_next < _text.Length)
        {
            _lineStart = _next;
            _line++;
            var lf = _text.IndexOf('\n', _lineStart);
            _next = lf < 0 ? _text.Length : lf + 1;
            _end = lf < 0 ? _text.Length : lf > _lineStart && _text[lf - 1] == '\r' ? lf - 1 : lf;
            var at = _lineStart;
            while (at < _end && _text[at] == ' ') at++;
            if (at < _end && _text[at] != '#')
            {
                _content = at;
                return;
            }
        }
        _content = -1;
    }

    private TextPosition Here(int at) => new(_file, _line, at - _lineStart + 1);

    private string Pooled(int from, int to, int longest)
    {
        var span = _text.AsSpan(from, to - from);
        if (span.Length > longest) return span.ToString();
        if (_pooled.TryGetValue(span, out var known)) return known;
        var value = span.ToString();
        _pool[value] = value;
        return value;
    }

    private void Count(int depth)
    {
        // Within the composer's limits, with room: past them, YamlDotNet's path words the error.
        if (++_nodes > ParseLimits.MaxNodesPerDocument / 2 || depth > ParseLimits.MaxDepth - 2) throw new OutsideSubset();
    }

    /// <summary>Thrown to give up on the file: something outside the subset (or an error) was met.</summary>
    private sealed class OutsideSubset : Exception;
}
