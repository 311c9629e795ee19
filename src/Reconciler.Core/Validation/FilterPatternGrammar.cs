using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Reconciler.Core.Diagnostics;

namespace Reconciler.Core.Validation;

/// <summary>
/// The grammar Lambda's event filtering checks a pattern against (the EventBridge event pattern language, as AWS's
/// event-ruler implements it): a JSON object whose members are either nested objects or non-empty lists of match
/// values; a match value is a string, number, true, false, null, or a one-key matcher object (prefix, suffix,
/// anything-but, numeric, exists, equals-ignore-case, wildcard, cidr); <c>$or</c> takes a list of patterns.
/// AWS refuses anything else with <c>Invalid filter pattern definition.</c> The rules and their wording follow the
/// patterns AWS accepted and refused in recordings (LocalStack's EventBridge pattern suite, validated against AWS), and
/// where the recordings are silent, event-ruler's own compiler (JsonRuleCompiler, CIDR, WildcardParser): empty objects,
/// a one-pattern $or, mixed anything-but lists, wildcard escapes and cidr masks.
/// Where AWS's limit is not known (wildcard complexity, numeric ranges), nothing is refused: a pattern AWS accepts
/// must never be rejected here.
/// </summary>
internal static partial class FilterPatternGrammar
{
    public static readonly string[] Matchers = ["prefix", "suffix", "anything-but", "numeric", "exists", "equals-ignore-case", "wildcard", "cidr"];

    /// <summary>Every problem of one pattern's text; empty when AWS would accept it. A syntax error stops at the
    /// first (with its position in the text); grammar problems are all reported, each with the path of its key.</summary>
    public static IReadOnlyList<(string Message, ValuePlace Place)> Check(string pattern)
    {
        var problems = new List<(string, ValuePlace)>();
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(pattern);
        }
        catch (JsonException invalid)
        {
            var (line, column) = PositionOf(pattern, invalid);
            problems.Add(($"not valid JSON at line {line}, column {column} of the pattern: {JsonParserText.Describe(invalid)}", new ValuePlace("", line, column)));
            return problems;
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                problems.Add(($"a filter pattern must be a JSON object such as {{\"body\": {{\"type\": [\"order\"]}}}}, not {KindName(root)}", new ValuePlace("")));
                return problems;
            }
            CheckObject(root, "", problems);
        }
        if (problems.Count == 0) return problems;
        // Where each problem is in the text, so a manifest can point at the key inside a quoted or block string.
        var positions = Positions(pattern);
        return [.. problems.Select(p => positions.TryGetValue(p.Item2.Path, out var at) ? (p.Item1, p.Item2 with { Line = at.Line, Column = at.Column }) : p)];
    }

    /// <summary>Keys written twice in one object of a pattern (JSON allows it; AWS's compiler keeps the last value, so it
    /// is not refused, but the first value is silently lost), each placed at its second occurrence.</summary>
    public static IReadOnlyList<(string Message, ValuePlace Place)> RepeatedKeys(string pattern)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(pattern);
        }
        catch (JsonException)
        {
            return [];
        }
        var repeated = new List<string>();
        using (document) Collect(document.RootElement, "", repeated);
        if (repeated.Count == 0) return [];
        var positions = Positions(pattern, lastOccurrence: true);
        return [.. repeated.Select(path => (
            $"\"{path[(path.LastIndexOf('.') + 1)..]}\" is written twice; AWS uses only the last of them",
            positions.TryGetValue(path, out var at) ? new ValuePlace(path, at.Line, at.Column) : new ValuePlace(path)))];

        static void Collect(JsonElement element, string path, List<string> into)
        {
            if (element.ValueKind == JsonValueKind.Array)
            {
                var i = 0;
                foreach (var item in element.EnumerateArray()) Collect(item, $"{path}[{i++}]", into);
            }
            if (element.ValueKind != JsonValueKind.Object) return;
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var member in element.EnumerateObject())
            {
                if (!seen.Add(member.Name) && !into.Contains(path + "." + member.Name)) into.Add(path + "." + member.Name);
                Collect(member.Value, path + "." + member.Name, into);
            }
        }
    }

    /// <summary>The 1-based line and column, in the pattern's text, of each member's name and each list item, by the
    /// paths <see cref="CheckObject"/> gives them (<c>.body.type</c>, <c>.body.n[0]</c>, <c>.body.n[0].numeric</c>).</summary>
    private static Dictionary<string, (int Line, int Column)> Positions(string pattern, bool lastOccurrence = false)
    {
        var bytes = Encoding.UTF8.GetBytes(pattern);
        var reader = new Utf8JsonReader(bytes);
        var positions = new Dictionary<string, (int, int)>(StringComparer.Ordinal);
        var open = new Stack<(bool IsList, string Path, int Next)>();
        var member = "";
        (int, int) At(long offset)
        {
            var index = Encoding.UTF8.GetCharCount(bytes, 0, (int)offset);
            var (line, lineStart) = (1, 0);
            for (var i = 0; i < index; i++)
            {
                if (pattern[i] == '\n') (line, lineStart) = (line + 1, i + 1);
            }
            return (line, index - lineStart + 1);
        }
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    member = open.Peek().Path + "." + reader.GetString();
                    if (lastOccurrence) positions[member] = At(reader.TokenStartIndex);
                    else positions.TryAdd(member, At(reader.TokenStartIndex));
                    continue;
                case JsonTokenType.EndObject or JsonTokenType.EndArray:
                    open.Pop();
                    continue;
            }
            var path = member;
            if (open.Count == 0) path = "";
            else if (open.Peek().IsList)
            {
                var list = open.Pop();
                path = $"{list.Path}[{list.Next}]";
                open.Push(list with { Next = list.Next + 1 });
                positions.TryAdd(path, At(reader.TokenStartIndex));
            }
            if (reader.TokenType == JsonTokenType.StartObject) open.Push((false, path, 0));
            else if (reader.TokenType == JsonTokenType.StartArray) open.Push((true, path, 0));
        }
        return positions;
    }

    /// <summary>Field names event-ruler reserves inside <c>$or</c> (its matcher names, the numeric operators and names kept
    /// for future matchers): a field so named in an <c>$or</c> branch is refused.</summary>
    private static readonly HashSet<string> ReservedInOr = new(StringComparer.Ordinal)
    {
        "exactly", "equals-ignore-case", "prefix", "suffix", "anything-but", "exists", "wildcard", "numeric", "cidr",
        "=", "<", "<=", ">", ">=", "regex", "not-wildcard", "not-equals-ignore-case", "date-after", "date-on-or-after",
        "date-before", "date-on-or-before", "in-date-range", "ip-address-in-range", "ip-address-not-in-range",
    };

    private static void CheckObject(JsonElement pattern, string path, List<(string, ValuePlace)> problems, bool insideOr = false)
    {
        // event-ruler refuses an object with no fields at any depth ("Empty objects are not allowed"), as it refuses an
        // empty list; both would match nothing.
        if (!pattern.EnumerateObject().Any())
        {
            problems.Add(("an empty object matches nothing; give it at least one field with a list of values to match", new ValuePlace(path)));
            return;
        }
        foreach (var member in pattern.EnumerateObject())
        {
            var memberPath = path + "." + member.Name;
            var value = member.Value;
            if (member.Name == "$or")
            {
                if (value.ValueKind != JsonValueKind.Array || value.GetArrayLength() == 0 || value.EnumerateArray().Any(v => v.ValueKind != JsonValueKind.Object))
                {
                    problems.Add(("\"$or\" takes a list of patterns (JSON objects)", new ValuePlace(memberPath)));
                    continue;
                }
                // event-ruler: "There must have at least 2 Objects in $or relationship."
                if (value.GetArrayLength() < 2)
                    problems.Add(("\"$or\" needs at least two patterns to choose between; with one, write its fields without $or", new ValuePlace(memberPath)));
                var i = 0;
                foreach (var alternative in value.EnumerateArray()) CheckObject(alternative, $"{memberPath}[{i++}]", problems, insideOr: true);
                continue;
            }
            if (insideOr && ReservedInOr.Contains(member.Name))
            {
                problems.Add(($"\"{member.Name}\" cannot name a field inside $or: AWS reserves the matcher names there", new ValuePlace(memberPath)));
                continue;
            }
            switch (value.ValueKind)
            {
                case JsonValueKind.Object:
                    CheckObject(value, memberPath, problems, insideOr);
                    break;
                case JsonValueKind.Array when value.GetArrayLength() == 0:
                    problems.Add(($"\"{member.Name}\" is an empty list; list the values to match (an empty list matches nothing, and AWS refuses it)", new ValuePlace(memberPath)));
                    break;
                case JsonValueKind.Array:
                    var index = 0;
                    foreach (var item in value.EnumerateArray()) CheckMatch(item, $"{memberPath}[{index++}]", problems);
                    break;
                default:
                    problems.Add(($"\"{member.Name}\" is {KindName(value)}; a value to match must be in a list ([{value.GetRawText()}]) or be a nested object", new ValuePlace(memberPath)));
                    break;
            }
        }
    }

    /// <summary>One entry of a match list: a plain value, or a matcher object with exactly one operator.</summary>
    private static void CheckMatch(JsonElement item, string path, List<(string, ValuePlace)> problems)
    {
        switch (item.ValueKind)
        {
            case JsonValueKind.String or JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False or JsonValueKind.Null:
                return;
            case JsonValueKind.Array:
                problems.Add(("a match value must be a string, number, true, false, null or a matcher object, not a list", new ValuePlace(path)));
                return;
        }
        var members = item.EnumerateObject().ToList();
        if (members.Count != 1)
        {
            problems.Add(($"a matcher object has exactly one operator ({string.Join(", ", Matchers)}); this one has {members.Count}", new ValuePlace(path)));
            return;
        }
        var (name, value) = (members[0].Name, members[0].Value);
        var at = new ValuePlace(path + "." + name);
        string? problem = name switch
        {
            "prefix" or "suffix" => value.ValueKind == JsonValueKind.String || IsIgnoreCase(value) ? null
                : $"{name} takes a string (or {{\"equals-ignore-case\": \"...\"}}), not {KindName(value)}",
            "equals-ignore-case" => value.ValueKind == JsonValueKind.String ? null : $"equals-ignore-case takes a string, not {KindName(value)}",
            "exists" => value.ValueKind is JsonValueKind.True or JsonValueKind.False ? null : $"exists takes true or false, not {KindName(value)}",
            "wildcard" => Wildcard(value),
            "cidr" => Cidr(value),
            "numeric" => Numeric(value),
            "anything-but" => AnythingBut(value),
            _ => FilterMatcherName(name),
        };
        if (problem is not null) problems.Add((problem, at));
    }

    private static string FilterMatcherName(string name)
    {
        var suggestion = FieldSuggestions.Closest(name, Matchers);
        return suggestion is null
            ? $"unknown matcher \"{name}\"; the matchers are {string.Join(", ", Matchers)}"
            : $"unknown matcher \"{name}\", did you mean \"{suggestion}\"? (matchers are case-sensitive)";
    }

    private static bool IsIgnoreCase(JsonElement value) =>
        value.ValueKind == JsonValueKind.Object
        && value.EnumerateObject().ToList() is [{ Name: "equals-ignore-case", Value.ValueKind: JsonValueKind.String }];

    private static string? Wildcard(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.String) return $"wildcard takes a string, not {KindName(value)}";
        var text = value.GetString()!;
        // As event-ruler's wildcard parser reads it: \* is a literal *, \\ a literal \, any other backslash is an error,
        // and two unescaped * in a row are refused.
        for (var i = 0; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '*' when i + 1 < text.Length && text[i + 1] == '*':
                    return $"wildcard \"{text}\" has consecutive * at position {i + 1}; AWS refuses them";
                case '\\' when i + 1 < text.Length && text[i + 1] is '*' or '\\':
                    i++;
                    break;
                case '\\':
                    return $"wildcard \"{text}\": a backslash at position {i + 1} escapes nothing; only \\* (a literal *) and \\\\ (a literal \\) are escapes";
            }
        }
        return null;
    }

    /// <summary>As event-ruler's CIDR reads it: an address of four dotted numbers or of hex digits and colons (no
    /// shorthand such as 10.1, no embedded IPv4, no zone), and a mask below the address size (/32 and /128 are refused:
    /// one address is matched by writing it as a plain value).</summary>
    private static string? Cidr(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.String) return $"cidr takes a string such as \"10.0.0.0/24\", not {KindName(value)}";
        var text = value.GetString()!;
        var parts = text.Split('/');
        if (parts.Length != 2) return $"cidr \"{text}\" is not an address range: write address/bits, such as 10.0.0.0/24";
        var v4 = IPv4Literal().IsMatch(parts[0]);
        if (!(v4 || IPv6Literal().IsMatch(parts[0])) || !IPAddress.TryParse(parts[0], out var address)
            || address.AddressFamily != (v4 ? System.Net.Sockets.AddressFamily.InterNetwork : System.Net.Sockets.AddressFamily.InterNetworkV6))
            return $"cidr \"{text}\": {parts[0]} is not an IPv4 or IPv6 address";
        var maxBits = v4 ? 31 : 127;
        if (!int.TryParse(parts[1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var bits))
            return $"cidr \"{text}\": the mask must be a whole number of bits";
        if (bits >= 0 && bits <= maxBits) return null;
        var single = bits == maxBits + 1 ? $"; to match one address, write it as a value (\"{parts[0]}\")" : "";
        return $"cidr \"{text}\": the mask must be from 0 to {maxBits} bits{single}";
    }

    [GeneratedRegex(@"^[0-9]+\.[0-9]+\.[0-9]+\.[0-9]+\z")]
    private static partial Regex IPv4Literal();

    [GeneratedRegex(@"^[0-9a-fA-F:]*:[0-9a-fA-F:]*\z")]
    private static partial Regex IPv6Literal();

    /// <summary>["op", n] or a range [">" or ">=", low, "<" or "<=", high] with low below high.</summary>
    private static string? Numeric(JsonElement value)
    {
        const string Shape = "numeric takes [\"<\" | \"<=\" | \"=\" | \">\" | \">=\", number] or a range such as [\">\", 0, \"<=\", 5]";
        if (value.ValueKind != JsonValueKind.Array) return $"{Shape}, not {KindName(value)}";
        var terms = value.EnumerateArray().ToList();
        if (terms.Count is not (2 or 4)) return $"{Shape}; this one has {terms.Count} term(s)";
        if (Operator(terms[0]) is not { } first || first is not ("<" or "<=" or "=" or ">" or ">="))
            return $"{Shape}; {terms[0].GetRawText()} is not a comparison";
        if (terms[1].ValueKind != JsonValueKind.Number) return $"{Shape}; {terms[1].GetRawText()} is not a number";
        if (terms.Count == 2) return null;
        if (first is not (">" or ">=")) return $"{Shape}; a range starts with > or >=, not {first}";
        if (Operator(terms[2]) is not ("<" or "<=")) return $"{Shape}; a range ends with < or <=, not {terms[2].GetRawText()}";
        if (terms[3].ValueKind != JsonValueKind.Number) return $"{Shape}; {terms[3].GetRawText()} is not a number";
        return terms[1].GetDouble() < terms[3].GetDouble() ? null : $"numeric range: the lower bound {terms[1].GetRawText()} must be below the upper bound {terms[3].GetRawText()}";
    }

    private static string? Operator(JsonElement term) => term.ValueKind == JsonValueKind.String ? term.GetString() : null;

    /// <summary>A string or number, a list of strings or of numbers, or one of prefix/suffix/equals-ignore-case/wildcard
    /// with a string or a list of strings. Never null, true/false or nested objects.</summary>
    private static string? AnythingBut(JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String or JsonValueKind.Number:
                return null;
            case JsonValueKind.Array:
                if (value.EnumerateArray().FirstOrDefault(v => v.ValueKind is not (JsonValueKind.String or JsonValueKind.Number)) is { ValueKind: not JsonValueKind.Undefined } bad)
                    return $"anything-but lists only strings and numbers, not {KindName(bad)}";
                // event-ruler: "Inside anything but list, either all values are number or string, mixed type is not supported",
                // which an empty list fails too.
                var kinds = value.EnumerateArray().Select(v => v.ValueKind).Distinct().Count();
                return kinds switch
                {
                    0 => "anything-but with an empty list excludes nothing; list the values to exclude",
                    > 1 => "anything-but lists either strings or numbers, not both: list values of the type the field holds",
                    _ => null,
                };
            case JsonValueKind.Object:
                var members = value.EnumerateObject().ToList();
                if (members.Count != 1 || members[0].Name is not ("prefix" or "suffix" or "equals-ignore-case" or "wildcard"))
                    return "anything-but takes one of prefix, suffix, equals-ignore-case or wildcard inside it";
                var (name, inner) = (members[0].Name, members[0].Value);
                var strings = inner.ValueKind == JsonValueKind.String ? [inner]
                    : inner.ValueKind == JsonValueKind.Array && inner.EnumerateArray().All(v => v.ValueKind == JsonValueKind.String) ? inner.EnumerateArray().ToList()
                    : null;
                if (strings is null) return $"anything-but {name} takes a string or a list of strings, not {KindName(inner)}";
                if (name is "prefix" or "suffix" && strings.Any(s => s.GetString()!.Length == 0)) return $"anything-but {name} may not be empty";
                return name == "wildcard" ? strings.Select(Wildcard).FirstOrDefault(p => p is not null) : null;
            default:
                return $"anything-but takes a string, a number or a list of them, not {KindName(value)}";
        }
    }

    private static string KindName(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "a list",
        JsonValueKind.String => $"a string ({value.GetRawText()})",
        JsonValueKind.Number => $"a number ({value.GetRawText()})",
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => "null",
    };


    /// <summary>The 1-based line and column in the pattern's text of a parser error, whose position System.Text.Json
    /// gives as a 0-based line and a byte offset in that line's UTF-8.</summary>
    internal static (int Line, int Column) PositionOf(string text, JsonException invalid)
    {
        var line = (int)(invalid.LineNumber ?? 0);
        var bytes = (int)(invalid.BytePositionInLine ?? 0);
        var lines = text.Split('\n');
        if (line >= lines.Length) return (lines.Length, lines[^1].Length + 1);
        var lineText = lines[line];
        // Walk the line's characters until their UTF-8 length reaches the byte offset.
        var column = 0;
        var consumed = 0;
        while (column < lineText.Length && consumed < bytes)
        {
            var width = char.IsSurrogatePair(lineText, column) ? 2 : 1;
            consumed += Encoding.UTF8.GetByteCount(lineText.AsSpan(column, width));
            column += width;
        }
        return (line + 1, column + 1);
    }
}
