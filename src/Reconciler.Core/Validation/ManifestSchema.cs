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

    public static JsonSchema Load() => JsonSchema.FromJsonAsync(Text()).GetAwaiter().GetResult();
}
