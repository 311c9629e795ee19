namespace Reconciler.Core.Tests.Rendering;

/// <summary>Finds the repository by walking up from the test binaries to the folder that holds Reconciler.sln.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string GoldenDirectory => Path.Combine(Root, "tests", "Reconciler.Core.Tests", "Rendering", "Golden");

    public static string PlanSchema => Path.Combine(Root, "schemas", "plan.v1.schema.json");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Reconciler.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No Reconciler.sln above {AppContext.BaseDirectory}.");
    }
}
