namespace Reconciler.Core.Tests.Validation;

/// <summary>Locates files of the repository from the test binaries, so tests run from any working directory.
/// Fixtures are read in place from the source tree, so adding one needs no project change.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string SchemaFile => Path.Combine(Root, "schemas", "eventsourcemapping.v1.schema.json");

    public static string Examples => Path.Combine(Root, "examples");

    /// <summary>The API model, vendored unchanged beside the tests so a clean clone can check the schema against it.</summary>
    public static string VendoredModel => Fixture("aws-lambda-model", "service-2.json");

    public static string Fixture(params string[] parts) =>
        Path.Combine([Root, "tests", "Reconciler.Core.Tests", "Fixtures", .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Reconciler.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("Reconciler.sln not found above " + AppContext.BaseDirectory);
    }
}
