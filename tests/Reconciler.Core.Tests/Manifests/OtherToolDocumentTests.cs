namespace Reconciler.Core.Tests.Manifests;

/// <summary>Other tools' YAML beside the manifests (a Kubernetes Deployment for the daemon) is skipped; anything that
/// could be a mistyped esmctl document is still an error.</summary>
public sealed class OtherToolDocumentTests
{
    [Fact]
    public void A_kubernetes_document_is_skipped_and_counted()
    {
        var set = Load.Text("""
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: esmctl
            spec:
              replicas: 1
            ---
            apiVersion: v1
            kind: ServiceAccount
            metadata:
              name: esmctl
            """);
        Assert.False(set.HasErrors);
        Assert.Empty(set.Mappings);
        Assert.Equal(2, set.SkippedDocuments);
    }

    [Theory]
    [InlineData("apiVersion: esmctl/v2\nkind: Deployment\n", "apiVersion")]
    [InlineData("apiVersion: apps/v1\nkind: EventSourceMapping\n", "apiVersion")]
    [InlineData("kind: Deployment\n", "apiVersion")]
    [InlineData("apiVersion: apps/v1\n", "kind")]
    public void A_document_that_may_be_ours_is_still_checked(string head, string field)
    {
        var set = Load.Text(head + "metadata:\n  name: x\n");
        Assert.True(set.HasErrors);
        Assert.Contains(set.Diagnostics, d => d.Field == field);
        Assert.Equal(0, set.SkippedDocuments);
    }
}
