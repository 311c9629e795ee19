namespace Reconciler.Testing;

/// <summary>Where tests find the repository's own files, whatever folder the test runner starts in.</summary>
public static class RepositoryPaths
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    /// <summary>The folder holding Reconciler.sln.</summary>
    public static string Root => RootPath.Value;

    public static string Examples => Path.Combine(Root, "examples");

    public static string Schemas => Path.Combine(Root, "schemas");

    /// <summary>The Lambda API model (botocore service-2.json) copied under tests/Reference.</summary>
    public static string LambdaModel => Path.Combine(Root, "tests", "Reference", "aws-lambda-model", "service-2.json");

    public static string LambdaModelExamples => Path.Combine(Root, "tests", "Reference", "aws-lambda-model", "examples-1.json");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Reconciler.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException($"Reconciler.sln not found above {AppContext.BaseDirectory}");
    }
}
