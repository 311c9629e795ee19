using System.Text.Json;

namespace Reconciler.Emulator.Wire;

/// <summary>Typed reads of JSON members with the error a client can act on: which member, what type was expected.
/// JSON null is read as "not given", as rest-json services treat it.</summary>
internal static class WireRead
{
    public static bool IsAbsent(JsonElement value) => value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined;

    public static string? String(JsonElement value, string path) => IsAbsent(value) ? null
        : value.ValueKind == JsonValueKind.String ? value.GetString()
        : throw Wrong(path, "a string", value);

    public static int? Integer(JsonElement value, string path)
    {
        if (IsAbsent(value)) return null;
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var number))
            throw Wrong(path, "an integer", value);
        return number;
    }

    public static bool? Boolean(JsonElement value, string path) => IsAbsent(value) ? null
        : value.ValueKind is JsonValueKind.True or JsonValueKind.False ? value.GetBoolean()
        : throw Wrong(path, "a boolean", value);

    /// <summary>rest-json timestamps are epoch seconds, possibly fractional.</summary>
    public static DateTimeOffset? Timestamp(JsonElement value, string path)
    {
        if (IsAbsent(value)) return null;
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDecimal(out var seconds))
            throw Wrong(path, "a timestamp in epoch seconds (a number)", value);
        try
        {
            return DateTimeOffset.FromUnixTimeMilliseconds((long)decimal.Round(seconds * 1000m));
        }
        catch (Exception error) when (error is ArgumentOutOfRangeException or OverflowException)
        {
            throw new WireFormatException($"{path} is not a representable timestamp: {seconds}.");
        }
    }

    public static IReadOnlyList<T>? List<T>(JsonElement value, string path, Func<JsonElement, string, T> item)
    {
        if (IsAbsent(value)) return null;
        if (value.ValueKind != JsonValueKind.Array) throw Wrong(path, "a list", value);
        return value.EnumerateArray().Select((element, index) => item(element, $"{path}[{index}]")).ToList();
    }

    public static IReadOnlyDictionary<string, T>? Map<T>(JsonElement value, string path, Func<JsonElement, string, T> item)
    {
        if (IsAbsent(value)) return null;
        if (value.ValueKind != JsonValueKind.Object) throw Wrong(path, "a map (JSON object)", value);
        var map = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var member in value.EnumerateObject()) map[member.Name] = item(member.Value, $"{path}.{member.Name}");
        return map;
    }

    public static string RequiredString(JsonElement value, string path) =>
        String(value, path) ?? throw new WireFormatException($"{path} must be a string, not null.");

    public static WireFormatException Wrong(string path, string expected, JsonElement actual) =>
        new($"{path} must be {expected}, but was {Describe(actual)}.");

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "a list",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => $"the number {value.GetRawText()}",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => value.ValueKind.ToString(),
    };
}
