using System.Text.Json.Nodes;

namespace Reconciler.Core.Rendering;

/// <summary>
/// Values the API gives a special meaning, said in words beside the number (text and Markdown plans), so
/// "maximumRetryAttempts: 3 -> -1" is not read as "fewer retries" (ESM-FIELDS: -1 is infinite for both).
/// </summary>
internal static class SentinelValues
{
    private static readonly Dictionary<(string Field, long Value), string> Meanings = new()
    {
        [("maximumRetryAttempts", -1)] = "retry until the record expires",
        [("maximumRecordAgeInSeconds", -1)] = "no maximum age: records are kept until they expire from the source",
    };

    /// <summary>The value as the plan shows it, with its meaning when it has one.</summary>
    public static string Format(string field, JsonNode? value)
    {
        var text = PlanValueText.Format(value);
        // The node may hold an int, a long or a JsonElement: its JSON text is the one form they share.
        return value is JsonValue scalar && scalar.GetValueKind() == System.Text.Json.JsonValueKind.Number
            && long.TryParse(text, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var number)
            && Meanings.TryGetValue((field, number), out var meaning)
            ? $"{text} ({meaning})"
            : text;
    }
}
