using Esmctl.Tests.Support;
using Reconciler.Testing;
using YamlDotNet.RepresentationModel;

namespace Esmctl.Tests.PrReports;

/// <summary>The ready-to-copy GitHub workflows are valid YAML and use esmctl the way the docs say; the Markdown
/// report of a plan too big for one comment stays under GitHub's limit and points at the artifact.</summary>
public sealed class PrWorkflowTests : IDisposable
{
    private readonly TempWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    private static (string Text, YamlMappingNode Root) Workflow(string name)
    {
        var text = File.ReadAllText(Path.Combine(RepositoryPaths.Examples, "github", name));
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return (text, (YamlMappingNode)stream.Documents.Single().RootNode);
    }

    private static bool Has(YamlMappingNode node, string key) => node.Children.ContainsKey(new YamlScalarNode(key));

    [Fact]
    public void Plan_on_pull_request_uses_oidc_a_sticky_comment_and_keeps_the_saved_plan()
    {
        var (text, root) = Workflow("plan-on-pull-request.yml");
        Assert.True(Has(root, "on") && Has(root, "jobs"));
        Assert.Contains("id-token: write", text);
        Assert.Contains("aws-actions/configure-aws-credentials@v4", text);
        Assert.Contains("role-to-assume:", text);
        Assert.Contains("--output markdown --detailed-exitcode", text);
        Assert.Contains("--out plan.json", text);
        Assert.Contains("--full-plan-url", text);
        Assert.Contains("marocchino/sticky-pull-request-comment@v2", text);
        Assert.Contains("actions/upload-artifact@v4", text);
    }

    [Fact]
    public void Apply_on_merge_applies_the_downloaded_saved_plan()
    {
        var (text, root) = Workflow("apply-on-merge.yml");
        Assert.True(Has(root, "on") && Has(root, "jobs"));
        Assert.Contains("github.event.pull_request.merged == true", text);
        Assert.Contains("actions/download-artifact@v4", text);
        // The apply names the plan job's target itself: a saved plan grants nothing (issue 12).
        Assert.Contains("esmctl apply plan.json \"$MANIFESTS\" --target aws --auto-approve", text);
        Assert.Contains("--target aws", Workflow("plan-on-pull-request.yml").Text);
    }

    [Fact]
    public void Drift_detection_runs_on_a_schedule_and_opens_or_updates_an_issue()
    {
        var (text, root) = Workflow("drift-detection.yml");
        var on = (YamlMappingNode)root.Children[new YamlScalarNode("on")];
        Assert.True(Has(on, "schedule"));
        Assert.Contains("--detailed-exitcode", text);
        Assert.Contains("exitcode == '2'", text);
        Assert.Contains("gh issue edit", text);
        Assert.Contains("gh issue create", text);
    }

    [Fact]
    public void A_plan_too_big_for_one_comment_is_truncated_and_links_the_full_plan()
    {
        // 500 mappings with long filter patterns: far more than 65,536 characters of Markdown.
        var documents = Enumerable.Range(0, 500).Select(i => $"""
            apiVersion: esmctl/v1
            kind: EventSourceMapping
            metadata:
              name: queue-{i:D3}-to-worker
            spec:
              functionName: worker-{i:D3}
              eventSourceArn: arn:aws:sqs:us-east-1:123456789012:queue-{i:D3}
              filterCriteria:
                filters:
                  - pattern:
                      body:
                        type: [order-created-with-a-long-name-{i:D3}, order-updated-with-a-long-name-{i:D3}]
            """);
        var big = Path.Combine(_workspace.Root, "big");
        Directory.CreateDirectory(big);
        File.WriteAllText(Path.Combine(big, "many.yaml"), string.Join("\n---\n", documents) + "\n");
        const string url = "https://github.com/acme/esm/actions/runs/42";

        var plan = _workspace.Run("plan", big, "--output", "markdown", "--full-plan-url", url, "--detailed-exitcode");
        Assert.True(plan.ExitCode == 2, plan.Stderr);
        Assert.True(plan.Stdout.Length <= 65_536, $"{plan.Stdout.Length} characters");
        Assert.True(plan.Stdout.Length > 30_000, $"{plan.Stdout.Length} characters: the report should use the room it has");
        Assert.Contains($"[plan artifact]({url})", plan.Stdout);
        Assert.Contains("500 to create", plan.Stdout);

        var small = _workspace.Run("plan", _workspace.Manifests, "--output", "markdown", "--full-plan-url", url);
        Assert.Equal(0, small.ExitCode);
        Assert.DoesNotContain(url, small.Stdout);
    }
}
