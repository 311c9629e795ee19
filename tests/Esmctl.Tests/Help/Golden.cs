namespace Esmctl.Tests.Help;

/// <summary>Expected output kept on disk (tests/Esmctl.Tests/Help/Golden, docs/reference). A mismatch fails with both
/// texts; running the tests with UPDATE=1 rewrites the file instead, for a change that is meant.</summary>
public static class Golden
{
    public static bool Updating => Environment.GetEnvironmentVariable("UPDATE") == "1";

    public static string InTests(string fileName) =>
        Reconciler.Testing.RepositoryPaths.InTests("Esmctl.Tests", "Help", "Golden", fileName);

    public static void Assert(string path, string actual)
    {
        actual = actual.Replace("\r\n", "\n", StringComparison.Ordinal);
        if (Updating)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, actual);
            return;
        }
        Xunit.Assert.True(File.Exists(path), $"{path} does not exist; run the tests with UPDATE=1 to create it");
        var expected = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);
        Xunit.Assert.Equal(expected, actual);
    }
}
