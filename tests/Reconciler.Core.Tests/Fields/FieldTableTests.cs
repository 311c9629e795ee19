using Reconciler.Core.Fields;
using Reconciler.Testing;

namespace Reconciler.Core.Tests.Fields;

public sealed class FieldTableTests
{
    private static readonly string ModelText = File.ReadAllText(RepositoryPaths.LambdaModel);

    private static string TableFile => Path.Combine(RepositoryPaths.Root, "src", "Reconciler.Core", "Fields", MappingFields.ResourceName);

    [Fact]
    public void Committed_field_table_is_exactly_what_the_generator_produces()
    {
        var generated = FieldTableGenerator.Generate(ModelText);
        if (Environment.GetEnvironmentVariable("ESMCTL_WRITE_FIELDS") == "1")
        {
            File.WriteAllText(TableFile, generated);
        }
        Assert.Equal(generated, File.ReadAllText(TableFile).Replace("\r\n", "\n"));
        Assert.Equal(generated, MappingFields.Text().Replace("\r\n", "\n"));
    }

    [Fact]
    public void Committed_fields_reference_is_what_the_table_produces()
    {
        var path = Path.Combine(RepositoryPaths.Root, "docs", "reference", "fields.md");
        var generated = FieldReference.Generate(MappingFields.Table);
        if (Environment.GetEnvironmentVariable("ESMCTL_WRITE_FIELDS") == "1")
        {
            File.WriteAllText(path, generated);
        }
        Assert.Equal(generated, File.ReadAllText(path).Replace("\r\n", "\n"));
    }
}
