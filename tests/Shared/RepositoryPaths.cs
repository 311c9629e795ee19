namespace Reconciler.Testing;

/// <summary>Where tests find the repository's own files, whatever folder the test runner starts in. Fixtures are
/// read in place from the source tree, so adding one needs no project change.</summary>
public static class RepositoryPaths
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    /// <summary>The folder holding Reconciler.sln.</summary>
    public static string Root => RootPath.Value;

    public static string Examples => Path.Combine(Root, "examples");

    public static string SchemaFile => Path.Combine(Root, "schemas", "eventsourcemapping.v1.schema.json");

    public static string PlanSchema => Path.Combine(Root, "schemas", "plan.v1.schema.json");

    /// <summary>The Lambda API model (botocore service-2.json), vendored unchanged under tests/Reference so a clean
    /// clone can check the schema, the client and the emulator against it.</summary>
    public static string LambdaModel => Path.Combine(Root, "tests", "Reference", "aws-lambda-model", "service-2.json");

    public static string LambdaModelExamples => Path.Combine(Root, "tests", "Reference", "aws-lambda-model", "examples-1.json");

    /// <summary>A path below a test project's folder, e.g. InTests("Reconciler.Core.Tests", "Fixtures", "broken").</summary>
    public static string InTests(params string[] parts) => Path.Combine([Root, "tests", .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Reconciler.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException($"Reconciler.sln not found above {AppContext.BaseDirectory}");
    }
}
