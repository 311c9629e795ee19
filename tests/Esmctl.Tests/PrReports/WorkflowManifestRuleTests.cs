using System.Text;
using Reconciler.Core.Manifests;
using Reconciler.Testing;

namespace Esmctl.Tests.PrReports;

/// <summary>GitHub workflows can live beside manifests (examples/github/): the loader skips them, and only them.</summary>
public sealed class WorkflowManifestRuleTests
{
    private static ManifestSet Load(string yaml) =>
        ManifestLoader.Load([new ManifestFile("test.yaml", Encoding.UTF8.GetBytes(yaml))], TimeProvider.System);

    [Fact]
    public void The_examples_load_with_the_github_workflows_skipped()
    {
        var set = ManifestLoader.Load([RepositoryPaths.Examples], TimeProvider.System);
        Assert.False(set.HasErrors, string.Join("\n", set.Diagnostics));
        Assert.Equal(9, set.Mappings.Count);
        var workflows = Directory.GetFiles(Path.Combine(RepositoryPaths.Examples, "github"), "*.yml");
        Assert.Equal(3, workflows.Length);
        Assert.All(workflows, w => Assert.Contains(w.Replace('\\', '/')[RepositoryPaths.Examples.Length..].TrimStart('/'),
            set.Files.Select(f => f.Replace('\\', '/')[RepositoryPaths.Examples.Length..].TrimStart('/'))));
        Assert.True(set.SkippedDocuments >= 3);
    }

    [Fact]
    public void A_workflow_document_is_skipped()
    {
        var set = Load("name: ci\non:\n  push: {}\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps: []\n");
        Assert.False(set.HasErrors, string.Join("\n", set.Diagnostics));
        Assert.Equal(1, set.SkippedDocuments);
    }

    [Theory]
    // Neither apiVersion nor kind, and not a workflow: maybe a manifest missing its header, so it is reported.
    [InlineData("metadata:\n  name: x\nspec:\n  functionName: f\n")]
    // Jobs without on: not a workflow.
    [InlineData("jobs:\n  build: {}\n")]
    // A workflow shape with our kind: a mistyped manifest, reported.
    [InlineData("kind: EventSourceMapping\non: push\njobs:\n  build: {}\n")]
    public void Documents_that_are_not_clearly_a_workflow_are_still_validated(string yaml)
    {
        var set = Load(yaml);
        Assert.True(set.HasErrors);
        Assert.Equal(0, set.SkippedDocuments);
    }
}
