using Esmctl.Commands;
using Esmctl.Tests.Support;
using Reconciler.Testing;
using YamlDotNet.RepresentationModel;

namespace Esmctl.Tests.PrReports;

/// <summary>A pull request with an invalid manifest gets the Markdown report of its problems as the plan comment
/// (file, line, field), in the workflows `esmctl init` writes and in examples/github: neither throws it away for
/// "see the workflow log" nor skips the comment because the job failed.</summary>
public sealed class FailedPlanCommentTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "esmctl-failed-plan-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { }
    }

    private static YamlMappingNode Step(string workflowText, string name)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(workflowText));
        var jobs = (YamlMappingNode)((YamlMappingNode)stream.Documents.Single().RootNode)[new YamlScalarNode("jobs")];
        var steps = (YamlSequenceNode)((YamlMappingNode)jobs.Children.Values.Single())[new YamlScalarNode("steps")];
        return steps.Children.Cast<YamlMappingNode>()
            .Single(step => step.Children.TryGetValue(new YamlScalarNode("name"), out var n) && ((YamlScalarNode)n).Value == name);
    }

    private static string? If(YamlMappingNode step) =>
        step.Children.TryGetValue(new YamlScalarNode("if"), out var value) ? ((YamlScalarNode)value).Value : null;

    [Fact]
    public void Inits_plan_workflow_plans_and_comments_after_a_failed_validate_or_plan()
    {
        Assert.Equal(0, InitCommand.Run(new InitArguments(_root, ["sqs"], false, false), new CommandConsole(TextWriter.Null, TextWriter.Null, TextReader.Null, false)));
        var text = File.ReadAllText(Path.Combine(_root, ".github", "workflows", "esmctl-plan.yml"));
        Assert.Equal("success() || failure()", If(Step(text, "Plan")));
        var comment = Step(text, "Comment the plan");
        Assert.Equal("success() || failure()", If(comment));
        Assert.Contains("[ -s plan.md ] || exit 0", ((YamlScalarNode)comment[new YamlScalarNode("run")]).Value, StringComparison.Ordinal);
        // The saved plan of a failed plan is not kept for apply.
        Assert.Null(If(Step(text, "Keep the saved plan for esmctl-apply.yml")));
    }

    [Fact]
    public void The_example_keeps_the_report_of_invalid_manifests_and_falls_back_only_when_there_is_none()
    {
        var text = File.ReadAllText(Path.Combine(RepositoryPaths.Examples, "github", "plan-on-pull-request.yml"));
        var run = ((YamlScalarNode)Step(text, "esmctl plan")[new YamlScalarNode("run")]).Value!;
        Assert.Contains("if [ ! -s plan.md ]; then", run, StringComparison.Ordinal);
        Assert.Equal("always()", If(Step(text, "Sticky plan comment")));
    }

    [Fact]
    public void The_markdown_report_of_invalid_manifests_is_not_empty()
    {
        Directory.CreateDirectory(_root);
        var manifest = Path.Combine(_root, "bad.yaml");
        File.WriteAllText(manifest, "apiVersion: esmctl/v1\nkind: EventSourceMapping\nmetadata:\n  name: bad\nspec:\n  functionName: fn\n  eventSourceArn: arn:aws:sqs:us-east-1:123456789012:q\n  batchsize: 5\n");
        var plan = InProcessEsmctl.Default.Run("plan", manifest, "--target", $"local:{Path.Combine(_root, "state.json")}", "--output", "markdown");
        Assert.Equal(1, plan.ExitCode);
        Assert.Contains("bad.yaml:8:3", plan.Stdout, StringComparison.Ordinal);
        Assert.Contains("spec.batchsize", plan.Stdout, StringComparison.Ordinal);
    }
}
