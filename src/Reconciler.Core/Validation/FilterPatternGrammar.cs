using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;

namespace Reconciler.Core.Validation;

/// <summary>
/// The grammar Lambda's event filtering checks a pattern against (the EventBridge event pattern language, as AWS's
/// event-ruler implements it): a JSON object whose members are either nested objects or non-empty lists of match
/// values; a match value is a string, number, true, false, null, or a one-key matcher object (prefix, suffix,
/// anything-but, numeric, exists, equals-ignore-case, wildcard, cidr); <c>$or</c> takes a list of patterns.
/// AWS refuses anything else with <c>Invalid filter pattern definition.</c> The rules and their wording follow the
/// patterns AWS accepted and refused in recordings (LocalStack's EventBridge pattern suite, validated against AWS).
/// Where AWS's limit is not known (wildcard complexity, numeric ranges), nothing is refused: a pattern AWS accepts
/// must never be rejected here.
/// </summary>
internal static class FilterPatternGrammar
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
            problems.Add(($"not valid JSON at line {line}, column {column} of the pattern: {Describe(invalid)}", new ValuePlace("", line, column)));
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
        return problems;
    }

    private static void CheckObject(JsonElement pattern, string path, List<(string, ValuePlace)> problems)
    {
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
                var i = 0;
                foreach (var alternative in value.EnumerateArray()) CheckObject(alternative, $"{memberPath}[{i++}]", problems);
                continue;
            }
            switch (value.ValueKind)
            {
                case JsonValueKind.Object:
                    CheckObject(value, memberPath, problems);
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
        var twice = text.IndexOf("**", StringComparison.Ordinal);
        return twice >= 0 ? $"wildcard \"{text}\" has consecutive * at position {twice + 1}; AWS refuses them" : null;
    }

    private static string? Cidr(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.String) return $"cidr takes a string such as \"10.0.0.0/24\", not {KindName(value)}";
        var text = value.GetString()!;
        var parts = text.Split('/');
        if (parts.Length != 2) return $"cidr \"{text}\" is not an address range: write address/bits, such as 10.0.0.0/24";
        if (!IPAddress.TryParse(parts[0], out var address) || (parts[0].Contains(':') != (address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6)))
            return $"cidr \"{text}\": {parts[0]} is not an IPv4 or IPv6 address";
        var maxBits = address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? 128 : 32;
        return int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var bits) && bits <= maxBits
            ? null
            : $"cidr \"{text}\": the mask must be a whole number of bits from 0 to {maxBits}";
    }

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
                return value.EnumerateArray().FirstOrDefault(v => v.ValueKind is not (JsonValueKind.String or JsonValueKind.Number)) is { ValueKind: not JsonValueKind.Undefined } bad
                    ? $"anything-but lists only strings and numbers, not {KindName(bad)}"
                    : null;
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

    /// <summary>System.Text.Json's message in a manifest author's words: without its "LineNumber: 0 |
    /// BytePositionInLine: 27." and "Path: $" tails (the position is given in the manifest instead) and without advice
    /// meant for .NET programmers.</summary>
    private static string Describe(JsonException invalid)
    {
        var message = invalid.Message;
        foreach (var tail in new[] { " Path:", " LineNumber:", " Change the reader options", " Expected the input to start" })
        {
            var cut = message.IndexOf(tail, StringComparison.Ordinal);
            if (cut >= 0) message = message[..cut];
        }
        message = message.Trim().TrimEnd('.');
        if (message.StartsWith("Expected depth to be zero", StringComparison.Ordinal)) return "it ends before every { and [ is closed";
        if (message.Contains("trailing comma", StringComparison.Ordinal)) return "a comma before the closing ] or } (JSON allows no trailing comma)";
        if (message.StartsWith("The input does not contain any JSON tokens", StringComparison.Ordinal)) return "it is empty";
        return message;
    }

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
