using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Reconciler.Core.Rendering;

/// <summary>How a field value reads in text and diffs: scalars plainly (strings quoted), objects and arrays as compact JSON.</summary>
internal static class PlanValueText
{
    // Relaxed escaping keeps ARNs, '+', '<' and non-ASCII readable; the output is never embedded in HTML unescaped.
    private static readonly JsonSerializerOptions Compact = new()
    {
        WriteIndented = false,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Format(JsonNode? value) => value is null ? "null" : value.ToJsonString(Compact);
}
