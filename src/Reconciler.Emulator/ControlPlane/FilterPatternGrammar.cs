using System.Net;
using System.Text.Json;

namespace Reconciler.Emulator.ControlPlane;

/// <summary>
/// Lambda's filter rule syntax (the EventBridge pattern subset Lambda documents), checked the way the service checks
/// it on Create and Update: the pattern is a JSON object; each field maps to a nested object or to a non-empty array
/// of matchers; a matcher is a string, number, boolean, null, or an object with exactly one operator (prefix, suffix,
/// equals-ignore-case, anything-but, exists, numeric, cidr, wildcard) whose operand has the right form. "$or" takes
/// a non-empty array of such objects. Anything else is "Invalid filter pattern definition." (recorded for a
/// non-object pattern, a bare value where an array is needed, and an empty array).
/// The operands follow what AWS was recorded accepting and refusing (tests/Reference/eventbridge-patterns, EventBridge's
/// pattern suite validated against AWS; Lambda uses the same compiler): prefix, suffix and equals-ignore-case take any
/// string, the empty one included; anything-but's prefix and suffix take non-empty strings (AWS: "Null prefix/suffix not
/// allowed"), its equals-ignore-case and wildcard a string or a list of strings. Where the recordings are silent the check
/// is lenient: the emulator must not refuse what AWS may accept. This is the emulator's own reading, written apart from
/// esmctl's offline validator, so that one misreading cannot pass both sides' tests.
/// </summary>
internal static class FilterPatternGrammar
{
    public const string InvalidMessage = "Invalid filter pattern definition.";

    public static bool IsValid(string? pattern)
    {
        if (string.IsNullOrWhiteSpace(pattern)) return false;
        try
        {
            using var document = JsonDocument.Parse(pattern);
            return document.RootElement.ValueKind == JsonValueKind.Object && IsPatternObject(document.RootElement);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static bool IsPatternObject(JsonElement o)
    {
        var fields = 0;
        foreach (var field in o.EnumerateObject())
        {
            fields++;
            var valid = field.Value.ValueKind switch
            {
                JsonValueKind.Object => IsPatternObject(field.Value),
                JsonValueKind.Array when field.Name == "$or" =>
                    field.Value.GetArrayLength() > 0
                    && field.Value.EnumerateArray().All(alternative => alternative.ValueKind == JsonValueKind.Object && IsPatternObject(alternative)),
                JsonValueKind.Array => field.Value.GetArrayLength() > 0 && field.Value.EnumerateArray().All(IsMatcher),
                _ => false,
            };
            if (!valid) return false;
        }
        return fields > 0;
    }

    private static bool IsMatcher(JsonElement matcher)
    {
        if (matcher.ValueKind is JsonValueKind.String or JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False or JsonValueKind.Null)
            return true;
        if (matcher.ValueKind != JsonValueKind.Object) return false;
        var members = matcher.EnumerateObject().ToList();
        if (members.Count != 1) return false;
        var (name, operand) = (members[0].Name, members[0].Value);
        return name switch
        {
            "prefix" or "suffix" => operand.ValueKind == JsonValueKind.String || IsIgnoreCase(operand),
            "equals-ignore-case" => operand.ValueKind == JsonValueKind.String,
            "wildcard" => IsWildcard(operand),
            "exists" => operand.ValueKind is JsonValueKind.True or JsonValueKind.False,
            "numeric" => IsNumericExpression(operand),
            "cidr" => IsCidr(operand),
            "anything-but" => IsAnythingBut(operand),
            _ => false,
        };
    }

    private static bool IsText(JsonElement e) => e.ValueKind == JsonValueKind.String && e.GetString()!.Length > 0;

    private static bool IsIgnoreCase(JsonElement e) =>
        e.ValueKind == JsonValueKind.Object && e.EnumerateObject().ToList() is [{ Name: "equals-ignore-case" } only]
        && only.Value.ValueKind == JsonValueKind.String;

    /// <summary>A string without two unescaped * in a row (AWS: "Consecutive wildcard characters at pos N"); \* is a
    /// literal star, so "\**" is one literal and one wildcard.</summary>
    private static bool IsWildcard(JsonElement e)
    {
        if (e.ValueKind != JsonValueKind.String) return false;
        var text = e.GetString()!;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\') i++;
            else if (text[i] == '*' && i + 1 < text.Length && text[i + 1] == '*') return false;
        }
        return true;
    }

    private static bool IsStringOrStrings(JsonElement e, Func<JsonElement, bool> each) => e.ValueKind switch
    {
        JsonValueKind.String => each(e),
        JsonValueKind.Array => e.GetArrayLength() > 0 && e.EnumerateArray().All(item => item.ValueKind == JsonValueKind.String && each(item)),
        _ => false,
    };

    private static bool IsAnythingBut(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String or JsonValueKind.Number => true,
        JsonValueKind.Array => e.GetArrayLength() > 0
            && (e.EnumerateArray().All(i => i.ValueKind == JsonValueKind.String) || e.EnumerateArray().All(i => i.ValueKind == JsonValueKind.Number)),
        JsonValueKind.Object => e.EnumerateObject().ToList() is [var only]
            && only.Name switch
            {
                "prefix" or "suffix" => IsStringOrStrings(only.Value, IsText),
                "equals-ignore-case" => IsStringOrStrings(only.Value, _ => true),
                "wildcard" => IsStringOrStrings(only.Value, IsWildcard),
                _ => false,
            },
        _ => false,
    };

    /// <summary>["&gt;", 0], ["=", 5], ["&gt;=", 0, "&lt;", 10]: a lower bound may be followed by an upper bound above it.</summary>
    private static bool IsNumericExpression(JsonElement e)
    {
        if (e.ValueKind != JsonValueKind.Array) return false;
        var items = e.EnumerateArray().ToList();
        if (items.Count is not (2 or 4)) return false;
        if (!Comparison(items[0], out var first) || items[1].ValueKind != JsonValueKind.Number) return false;
        if (items.Count == 2) return true;
        return first is ">" or ">="
            && Comparison(items[2], out var second) && second is "<" or "<="
            && items[3].ValueKind == JsonValueKind.Number
            && items[3].GetDouble() > items[1].GetDouble();
    }

    private static bool Comparison(JsonElement e, out string op)
    {
        op = e.ValueKind == JsonValueKind.String ? e.GetString()! : "";
        return op is "<" or "<=" or "=" or ">" or ">=";
    }

    private static bool IsCidr(JsonElement e)
    {
        if (e.ValueKind != JsonValueKind.String) return false;
        var parts = e.GetString()!.Split('/');
        if (parts.Length != 2 || !IPAddress.TryParse(parts[0], out var address) || !int.TryParse(parts[1], out var bits)) return false;
        var max = address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? 128 : 32;
        return bits >= 0 && bits <= max;
    }
}
