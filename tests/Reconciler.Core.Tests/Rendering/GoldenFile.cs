using Reconciler.Testing;

namespace Reconciler.Core.Tests.Rendering;

/// <summary>
/// Snapshot comparison against files in Rendering/Golden/ of the source tree (read there, not from the build output,
/// so regenerating and comparing use the same file). Set UPDATE_GOLDEN=1 to rewrite them from the current output,
/// then review the diff in git before committing.
/// </summary>
internal static class GoldenFile
{
    private static readonly string GoldenDirectory = RepositoryPaths.InTests("Reconciler.Core.Tests", "Rendering", "Golden");

    public static bool Updating => Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1";

    public static void AssertMatches(string fileName, string actual)
    {
        var path = Path.Combine(GoldenDirectory, fileName);
        if (Updating)
        {
            Directory.CreateDirectory(GoldenDirectory);
            File.WriteAllText(path, actual);
            return;
        }

        Assert.True(File.Exists(path), $"Golden file {path} is missing; run the tests with UPDATE_GOLDEN=1 to create it.");
        Assert.Equal(File.ReadAllText(path), actual);
    }
}
