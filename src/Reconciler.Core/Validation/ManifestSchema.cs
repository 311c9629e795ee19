using System.Text.Json.Nodes;
using NJsonSchema;

namespace Reconciler.Core.Validation;

/// <summary>The manifest JSON Schema (schemas/eventsourcemapping.v1.schema.json), embedded in this assembly.</summary>
public static class ManifestSchema
{
    public const string ResourceName = "eventsourcemapping.v1.schema.json";

    public static string Text()
    {
        using var stream = typeof(ManifestSchema).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"embedded resource {ResourceName} is missing from the build");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>The schema as NJsonSchema enforces it here, with the tag pattern taking letters beyond the BMP (see
    /// <see cref="Anchor"/>) and every pattern's final <c>$</c> made <c>\z</c>: in .NET,
    /// <c>$</c> also matches before a final newline, so a value written as a <c>|</c> block (which ends in one) would
    /// pass a pattern that AWS, matching the whole value, refuses. The file itself keeps <c>$</c>, which means the end
    /// of the value in the ECMA-262 regexes editors use.
    /// Parsed once per thread: a parse costs tens of milliseconds and every load needs it (each command, each daemon
    /// tick); NJsonSchema does not promise that one instance validates on two threads at once. Callers only read it.</summary>
    public static JsonSchema Load() => Parsed.Value!;

    private static readonly ThreadLocal<JsonSchema> Parsed =
        new(() => JsonSchema.FromJsonAsync(WholeValuePatterns(Text())).GetAwaiter().GetResult());

    /// <summary>The model's TagKey and TagValue character class.</summary>
    private const string TagCharacters = @"[\p{L}\p{Z}\p{N}_.:/=+\-@]";

    internal static string WholeValuePatterns(string schema)
    {
        var root = JsonNode.Parse(schema)!;
        Anchor(root);
        return root.ToJsonString();
    }

    /// <summary>One pattern as NJsonSchema runs it here (the compiled schema runs the same).</summary>
    internal static string WholeValuePattern(string pattern)
    {
        if (pattern.EndsWith('$') && !pattern.EndsWith("\\$", StringComparison.Ordinal)) pattern = pattern[..^1] + "\\z";
        // .NET reads \p{L} per UTF-16 unit, so a letter beyond the BMP matched nothing; Java (AWS) reads code
        // points. Any such pair passes here and TagRules, the one place the tag pattern is read by code
        // point, decides.
        return pattern.Replace(TagCharacters, $"(?:{TagCharacters}|[\\uD800-\\uDBFF][\\uDC00-\\uDFFF])", StringComparison.Ordinal);
    }

    private static void Anchor(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject members:
                if (members["pattern"] is JsonValue value && value.TryGetValue<string>(out var pattern))
                    members["pattern"] = WholeValuePattern(pattern);
                foreach (var (_, child) in members.ToList()) Anchor(child);
                break;
            case JsonArray items:
                foreach (var item in items) Anchor(item);
                break;
        }
    }
}
