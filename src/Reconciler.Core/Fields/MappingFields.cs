namespace Reconciler.Core.Fields;

/// <summary>
/// The field table of an event source mapping, generated from the Lambda API model and embedded in this assembly
/// (Fields/mapping-fields.json). Do not edit the JSON: it is written by FieldTableGenerator in
/// tests/Reconciler.Core.Tests/Fields from tests/Reference/aws-lambda-model/service-2.json and the facts kept beside
/// it, and a test fails when the committed file and the generator disagree.
/// </summary>
public static class MappingFields
{
    public const string ResourceName = "mapping-fields.json";

    public static FieldTable Table { get; } = FieldTable.Parse(Text());

    public static string Text()
    {
        using var stream = typeof(MappingFields).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"embedded resource {ResourceName} is missing from the build");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
