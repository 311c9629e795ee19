using Esmctl.Tests.Support;

namespace Esmctl.Tests.PlanApply;

/// <summary>A manifest for another region or account than the target's is refused at the line and column of the value
/// that says so (metadata.region, metadata.account, or the event source ARN's region), not at the document's first line.</summary>
public sealed class PlacementLocationTests : IDisposable
{
    private readonly TempWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    private string Write(string metadata, string source)
    {
        foreach (var file in Directory.GetFiles(_workspace.Manifests)) File.Delete(file);
        var path = _workspace.Manifest("placed.yaml");
        File.WriteAllText(path,
            "# leading comment\n" +
            "apiVersion: esmctl/v1\n" +
            "kind: EventSourceMapping\n" +
            "metadata:\n" +
            "  name: placed\n" +
            metadata +
            "spec:\n" +
            "  functionName: fn\n" +
            $"  eventSourceArn: {source}\n");
        return path;
    }

    [Theory]
    [InlineData("", "arn:aws:sqs:eu-west-1:123456789012:q", 8, "spec.eventSourceArn", "the event source is in eu-west-1")]
    [InlineData("  region: eu-west-1\n", "arn:aws:sqs:eu-west-1:123456789012:q", 6, "metadata.region", "the manifest is for region eu-west-1")]
    [InlineData("  account: \"210987654321\"\n", "arn:aws:sqs:us-east-1:123456789012:q", 6, "metadata.account", "the manifest is for account 210987654321")]
    public void The_error_points_at_the_value_that_names_another_place(string metadata, string source, int line, string field, string message)
    {
        var path = Write(metadata, source);
        var plan = _workspace.Run("plan", _workspace.Manifests);
        Assert.Equal(1, plan.ExitCode);
        var column = field == "spec.eventSourceArn" ? 19 : field == "metadata.region" ? 11 : 12;
        Assert.Contains($"{path}:{line}:{column}: error: {field}: {message}", plan.Stderr, StringComparison.Ordinal);
    }
}
