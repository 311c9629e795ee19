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

    /// <summary>The parsed schema, parsed once per thread: a parse costs tens of milliseconds and every load needs it
    /// (each command, each daemon tick); NJsonSchema does not promise that one instance validates on two threads at once.
    /// Callers only read it.</summary>
    public static JsonSchema Load() => Parsed.Value!;

    private static readonly ThreadLocal<JsonSchema> Parsed = new(() => JsonSchema.FromJsonAsync(Text()).GetAwaiter().GetResult());
}
