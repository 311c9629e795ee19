using System.Text;

namespace Reconciler.Core.Tests.Manifests;

/// <summary>
/// Manifest-like YAML for the differential tests of <see cref="Reconciler.Core.Manifests.BlockYamlReader"/>: documents
/// shaped like manifests (nested mappings, lists of mappings and of scalars), written in a random style (indentation
/// width, lists indented or not, plain or quoted scalars, comments, blank lines, trailing blanks, CRLF, "---"), with
/// values and keys drawn from what authors write and what YAML gives meaning to; and mutations of such text.
/// </summary>
internal static class ManifestYaml
{
    /// <summary>Values an author writes, then values that are edge cases of YAML's block style.</summary>
    private static readonly string[] Values =
    [
        "esmctl/v1", "EventSourceMapping", "orders", "us-east-1", "123456789012", "arn:aws:sqs:us-east-1:123456789012:q",
        "arn:aws:lambda:us-east-1:123456789012:function:f", "10", "-1", "0", "1.5", "1e3", "+5", "0x1F", "true", "False", "null",
        "~", "", "yes", "LATEST", "2024-05-01T00:00:00Z", "payments", "a b", "a  b", "é", "日本語", "Ünïcödé", "x", "-x", "--",
        "---", "...", "a#b", "a # b", "a:b", "a::b", "a,b", "[x", "x]", "{x}", "it's", "\"q\"", "\\", "\\n", "a\\u00e9", "/",
        "%x", "@x", "`x", "&x", "*x", "!x", "|", ">", "?", "? x", "- x", ": x", "a: b", "a: b: c", "a:", " lead", "trail ",
        "{\"body\": {\"a\": [1]}}", "\u00a0", "x\u00a0#y", "#", "[]", "{}", "[a, b]", "'", "''", "<<",
    ];

    private static readonly string[] Keys =
    [
        "apiVersion", "kind", "metadata", "spec", "name", "region", "account", "functionName", "eventSourceArn", "batchSize",
        "enabled", "tags", "team", "filterCriteria", "filters", "pattern", "topics", "a b", "a:b", "-a", "1", "true", "null",
        "é", "k.v", "x/y", "<<", "~", "a#b",
    ];

    public static string Generate(Random random, bool subsetOnly)
    {
        var style = new Style(random, subsetOnly);
        var text = new StringBuilder();
        if (random.Next(4) == 0) text.Append("# leading comment").Append(style.Break);
        var documents = random.Next(1, 4);
        for (var d = 0; d < documents; d++)
        {
            if (d > 0 || random.Next(3) == 0) text.Append(random.Next(4) == 0 ? "--- # next" : "---").Append(style.Break);
            if (random.Next(12) == 0) continue; // an empty document
            style.Mapping(text, Manifest(random, style), 0);
        }
        if (random.Next(8) == 0) text.Append("---").Append(style.Break);
        return text.ToString();
    }

    /// <summary>One to three changes anywhere: characters YAML gives meaning to, a shifted indentation, a doubled or dropped
    /// line, CRLF.</summary>
    public static string Mutate(Random random, string text)
    {
        string[] inserts = [":", ": ", " #", "#", "'", "\"", "- ", "-", " ", "  ", "\t", "\n", "\r\n", "\r", "[", "]", "{", "}", "&a ", "*a",
            "!!str ", "|", ">", "? ", "\\", "\\u00e9", "\\x41", "é", "\u2028", "\u0085", "\uFEFF", "%", "@", "`", ",", "---\n", "...\n",
            "''", "\"\"", "<<: ", "~", "\U0001F600"];
        var mutated = new StringBuilder(text);
        var changes = random.Next(1, 4);
        for (var i = 0; i < changes; i++)
        {
            var at = random.Next(mutated.Length + 1);
            switch (random.Next(6))
            {
                case 0 or 1:
                    mutated.Insert(at, inserts[random.Next(inserts.Length)]);
                    break;
                case 2 when mutated.Length > 0:
                    mutated.Remove(Math.Min(at, mutated.Length - 1), Math.Min(random.Next(1, 4), mutated.Length - Math.Min(at, mutated.Length - 1)));
                    break;
                case 3:
                {
                    // Shift one line's indentation by one or two spaces either way.
                    var lines = mutated.ToString().Split('\n');
                    var line = random.Next(lines.Length);
                    lines[line] = random.Next(2) == 0 ? new string(' ', random.Next(1, 3)) + lines[line] : lines[line].StartsWith(' ') ? lines[line][1..] : lines[line];
                    mutated.Clear().Append(string.Join('\n', lines));
                    break;
                }
                case 4:
                {
                    var lines = mutated.ToString().Split('\n').ToList();
                    var line = random.Next(lines.Count);
                    if (random.Next(2) == 0) lines.Insert(line, lines[line]); else lines.RemoveAt(line);
                    mutated.Clear().Append(string.Join('\n', lines));
                    break;
                }
                default:
                    mutated.Replace("\n", "\r\n");
                    break;
            }
        }
        return mutated.ToString();
    }

    private static List<(string Key, object Value)> Manifest(Random random, Style style)
    {
        var metadata = new List<(string, object)> { ("name", "orders-" + random.Next(100)), ("region", "us-east-1"), ("account", style.Value()) };
        var spec = new List<(string, object)>
        {
            ("functionName", "orders"),
            ("eventSourceArn", "arn:aws:sqs:us-east-1:123456789012:q"),
            ("batchSize", random.Next(2) == 0 ? "10" : style.Value()),
            ("tags", Entries(random, style, depth: 2)),
            ("sourceAccessConfigurations", Enumerable.Range(0, random.Next(0, 3)).Select(_ => (object)new List<(string, object)> { ("type", "BASIC_AUTH"), ("uri", style.Value()) }).ToList()),
            ("topics", Enumerable.Range(0, random.Next(0, 4)).Select(_ => (object)style.Value()).ToList()),
            ("filterCriteria", new List<(string, object)> { ("filters", new List<object> { new List<(string, object)> { ("pattern", "{\"body\": {\"a\": [1]}}") } }) }),
        };
        var root = new List<(string, object)> { ("apiVersion", "esmctl/v1"), ("kind", "EventSourceMapping"), ("metadata", metadata), ("spec", spec) };
        foreach (var section in new[] { root, metadata, spec })
        {
            if (random.Next(3) == 0) section.Insert(random.Next(section.Count + 1), (style.Key(), style.Value()));
            if (random.Next(10) == 0) section.Add(section[random.Next(section.Count)]); // a duplicate key
            if (random.Next(6) == 0) section.RemoveAt(random.Next(section.Count));
        }
        if (random.Next(4) == 0) spec.Add(("nested", Entries(random, style, depth: 1 + random.Next(4))));
        return root;
    }

    private static List<(string, object)> Entries(Random random, Style style, int depth)
    {
        var entries = new List<(string, object)>();
        for (var i = random.Next(0, 4); i > 0; i--)
        {
            object value = depth > 1 && random.Next(3) == 0 ? Entries(random, style, depth - 1)
                : depth > 1 && random.Next(4) == 0 ? Enumerable.Range(0, random.Next(0, 3)).Select(_ => (object)(random.Next(2) == 0 ? style.Value() : Entries(random, style, depth - 1))).ToList()
                : style.Value();
            entries.Add((style.Key(), value));
        }
        return entries;
    }

    /// <summary>How one file is written: chosen once per file, with some choices made again for each line.</summary>
    private sealed class Style(Random random, bool subsetOnly)
    {
        private readonly int _indent = random.Next(1, 5);
        private readonly bool _indentless = random.Next(2) == 0;
        private readonly int _afterDash = random.Next(1, 4);
        private readonly bool _comments = random.Next(3) == 0;
        private readonly bool _trailing = random.Next(4) == 0;
        private readonly bool _blankLines = random.Next(4) == 0;

        public string Break { get; } = random.Next(5) == 0 ? "\r\n" : "\n";

        public string Value() => Values[random.Next(Values.Length)];

        public string Key() => Keys[random.Next(Keys.Length)];

        public void Mapping(StringBuilder text, List<(string Key, object Value)> entries, int indent, bool compact = false)
        {
            if (entries.Count == 0 && !compact)
            {
                // An empty mapping at the top of a document would not be a mapping; keep one key.
                entries = [("empty", "")];
            }
            for (var i = 0; i < entries.Count; i++)
            {
                var (key, value) = entries[i];
                if (!(compact && i == 0)) text.Append(' ', indent);
                text.Append(Scalar(key, isKey: true)).Append(':');
                Node(text, value, indent);
            }
        }

        /// <summary>The value after "key:" (or "- "), then the line break and what nests below.</summary>
        private void Node(StringBuilder text, object value, int indent)
        {
            switch (value)
            {
                case string scalar:
                    var written = Scalar(scalar, isKey: false);
                    if (written.Length > 0) text.Append(' ').Append(written);
                    EndLine(text);
                    break;
                case List<(string, object)> { Count: 0 }:
                    text.Append(" {}");
                    EndLine(text);
                    break;
                case List<object> { Count: 0 }:
                    text.Append(" []");
                    EndLine(text);
                    break;
                case List<(string, object)> mapping:
                    EndLine(text);
                    Mapping(text, mapping, indent + _indent);
                    break;
                case List<object> words when words.All(w => w is string) && random.Next(3) == 0:
                    // A one-line flow list, as in topics: [orders, payments].
                    text.Append(" [").Append(string.Join(random.Next(2) == 0 ? ", " : ",", words.Select(w => FlowItem((string)w)))).Append(']');
                    EndLine(text);
                    break;
                case List<object> sequence:
                    EndLine(text);
                    var at = _indentless ? indent : indent + _indent;
                    foreach (var item in sequence)
                    {
                        text.Append(' ', at).Append('-').Append(' ', _afterDash);
                        if (item is List<(string, object)> { Count: > 0 } itemMapping) Mapping(text, itemMapping, at + 1 + _afterDash, compact: true);
                        else Node(text.Remove(text.Length - 1, 1), item is "" && subsetOnly ? "x" : item, at);
                    }
                    break;
            }
        }

        private void EndLine(StringBuilder text)
        {
            if (_trailing && random.Next(3) == 0) text.Append(' ', random.Next(1, 3));
            if (_comments && random.Next(3) == 0) text.Append(" # note: 'x' \"y\" - z");
            text.Append(Break);
            if (_blankLines && random.Next(4) == 0) text.Append(Break);
            if (_comments && random.Next(5) == 0) text.Append(' ', random.Next(0, 6)).Append("# between").Append(Break);
        }

        /// <summary>Plain, single- or double-quoted; in the subset only, a plain scalar only where it reads back as written.</summary>
        private string Scalar(string value, bool isKey)
        {
            var choice = random.Next(3);
            if (subsetOnly && choice == 0 && !SafePlain(value, isKey)) choice = 1 + random.Next(2);
            return choice switch
            {
                0 => value,
                1 => "'" + value.Replace("'", "''") + "'",
                _ => "\"" + DoubleQuoted(value) + "\"",
            };
        }

        private string FlowItem(string value) =>
            random.Next(3) > 0 && (!subsetOnly || System.Text.RegularExpressions.Regex.IsMatch(value, "^[A-Za-z0-9_.~/+][A-Za-z0-9_.~/+-]*$"))
                ? value
                : random.Next(2) == 0 ? "'" + value.Replace("'", "''") + "'" : "\"" + DoubleQuoted(value) + "\"";

        private string DoubleQuoted(string value)
        {
            var escaped = new StringBuilder();
            foreach (var c in value)
            {
                escaped.Append(c switch
                {
                    '"' => "\\\"",
                    '\\' => random.Next(2) == 0 ? "\\\\" : "\\u005C",
                    '/' when random.Next(2) == 0 => "\\/",
                    >= '\u0080' when random.Next(2) == 0 => $"\\u{(int)c:x4}",
                    _ => c.ToString(),
                });
            }
            return escaped.ToString();
        }

        private static bool SafePlain(string value, bool isKey) =>
            (value.Length > 0 || !isKey) && value.Trim(' ') == value && value != "<<" && !value.Contains(": ") && !value.EndsWith(':') && !value.Contains(" #")
            && (value.Length == 0 || !"-?:,[]{}#&*!|>'\"%@`".Contains(value[0])) && (!isKey || !value.Contains('#'))
            && value is not ("---" or "..." or "\u00a0");
    }
}
