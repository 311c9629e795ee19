using Esmctl.Tests.Support;
using Reconciler.Testing;

namespace Esmctl.Tests.Help;

/// <summary>The committed reference docs are exactly what the schema and the command definitions generate, so they
/// cannot drift (UPDATE=1 regenerates them).</summary>
public sealed class ReferenceDocsTests
{
    [Fact]
    public void Manifest_reference_is_generated_from_the_schema()
    {
        var generated = ManifestReference.Generate(File.ReadAllText(RepositoryPaths.SchemaFile));
        Assert.Contains("| `spec.batchSize` | integer |", generated);
        Assert.Contains("| `metadata.name` | string | yes |", generated);
        Golden.Assert(Path.Combine(RepositoryPaths.Root, "docs", "reference", "manifest.md"), generated);
    }

    [Fact]
    public void Cli_reference_is_generated_from_the_command_definitions()
    {
        var generated = CliReference.Generate(Program.BuildRootCommand(InProcessEsmctl.Quiet));
        foreach (var command in new[] { "init", "validate", "plan", "apply", "emulator" })
            Assert.Contains($"## esmctl {command}\n", generated);
        Assert.Contains("`--detailed-exitcode`", generated);
        Golden.Assert(Path.Combine(RepositoryPaths.Root, "docs", "reference", "cli.md"), generated);
    }
}
