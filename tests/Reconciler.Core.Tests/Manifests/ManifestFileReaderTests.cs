using Reconciler.Core.Diagnostics;
using Reconciler.Core.Manifests;

namespace Reconciler.Core.Tests.Manifests;

public sealed class ManifestFileReaderTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("esmctl-files-");

    public void Dispose() => _root.Delete(recursive: true);

    private string Write(string relative, string text = "x: 1\n")
    {
        var path = Path.Combine(_root.FullName, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Directories_are_searched_recursively_for_yaml_in_ordinal_order()
    {
        Write("b.yaml");
        Write("a/z.yml");
        Write("a/deeper/m.YAML");
        Write("iam/policy.json");
        Write(".github/workflows/ci.yml");
        Write("notes.md");
        var diagnostics = new DiagnosticBag();

        var files = ManifestFileReader.Read([_root.FullName], diagnostics);

        Assert.Empty(diagnostics.Items);
        Assert.Equal(
            [Path.Join(_root.FullName, "a", "deeper", "m.YAML"), Path.Join(_root.FullName, "a", "z.yml"), Path.Join(_root.FullName, "b.yaml")],
            files.Select(f => f.Path));
    }

    [Fact]
    public void An_esmctl_yaml_below_the_folder_named_is_not_used_and_says_which_folder_to_name()
    {
        // `esmctl plan .` in a repository whose targets are manifests/esmctl.yaml: its targets apply only when manifests is
        // named, so plan would act on the command line's target instead; it must not be skipped without a word.
        Write("manifests/orders.yaml");
        var targets = Write("manifests/esmctl.yaml", "targets: []\n");
        Write("esmctl.yaml", "targets: []\n");
        var diagnostics = new DiagnosticBag();

        ManifestFileReader.Read([_root.FullName], diagnostics);

        var warning = Assert.Single(diagnostics.Items);
        Assert.Equal(Severity.Warning, warning.Severity);
        Assert.Equal(targets, warning.Location.File);
        Assert.Contains($"name {Path.Join(_root.FullName, "manifests")} to act on them", warning.Message);
    }

    [Fact]
    public void Symlink_loops_end()
    {
        Write("sub/m.yaml");
        Directory.CreateSymbolicLink(Path.Combine(_root.FullName, "sub", "loop"), _root.FullName);
        Directory.CreateSymbolicLink(Path.Combine(_root.FullName, "self"), Path.Combine(_root.FullName, "self"));
        var diagnostics = new DiagnosticBag();

        var files = ManifestFileReader.Read([_root.FullName], diagnostics);

        Assert.Single(files);
    }

    [Fact]
    public void A_file_named_explicitly_is_read_whatever_its_extension_and_missing_paths_are_errors()
    {
        var named = Write("manifest.txt");
        var diagnostics = new DiagnosticBag();

        var files = ManifestFileReader.Read([named, Path.Combine(_root.FullName, "missing.yaml")], diagnostics);

        Assert.Equal([named], files.Select(f => f.Path));
        var error = Assert.Single(diagnostics.Items);
        Assert.Contains("no such file or directory", error.Message);
    }

    [Fact]
    public void An_empty_directory_is_a_warning()
    {
        var diagnostics = new DiagnosticBag();
        Assert.Empty(ManifestFileReader.Read([_root.FullName], diagnostics));
        Assert.Equal(Severity.Warning, Assert.Single(diagnostics.Items).Severity);
    }

    [Fact]
    public void A_file_named_twice_is_read_once()
    {
        var path = Write("m.yaml");
        var diagnostics = new DiagnosticBag();
        var files = ManifestFileReader.Read([_root.FullName, path, Path.Combine(_root.FullName, ".", "m.yaml")], diagnostics);
        Assert.Single(files);
    }

    /// <summary>A file is read into an array of the size it was measured at; one that changed size between the measure and
    /// the read (an editor saving) is still read whole, and one that grew past the limit is refused.</summary>
    [Theory]
    [InlineData("a: 1\n", "a: 1\nb: 2\n")]
    [InlineData("a: 1\nb: 2\n", "a: 1\n")]
    [InlineData("a: 1\n", "a: 1\n")]
    [InlineData("a: 1\n", "a: 12\n")]
    public void A_file_that_changes_size_after_it_is_measured_is_read_as_it_now_is(string measured, string read)
    {
        var path = Write("m.yaml", measured);
        var diagnostics = new DiagnosticBag();
        var files = ManifestFileReader.Read([path], diagnostics, (_, info) =>
        {
            Assert.Equal(measured.Length, info.Length); // measured (and kept) before the file changes
            File.WriteAllText(path, read);
            return null;
        });
        Assert.Empty(diagnostics.Items);
        Assert.Equal(read, System.Text.Encoding.UTF8.GetString(Assert.Single(files).Content));
    }

    [Fact]
    public void A_file_that_grows_past_the_limit_after_it_is_measured_is_refused()
    {
        var path = Write("m.yaml", "a: 1\n");
        var diagnostics = new DiagnosticBag();
        var files = ManifestFileReader.Read([path], diagnostics, (_, info) =>
        {
            Assert.Equal(5, info.Length);
            File.WriteAllText(path, new string('#', ParseLimits.MaxFileBytes + 1));
            return null;
        });
        Assert.Empty(files);
        Assert.Contains("grew past", Assert.Single(diagnostics.Items).Message);
    }
}
