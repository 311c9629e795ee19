using Esmctl.Commands;
using Esmctl.Output;
using Reconciler.Core.Applying;
using Reconciler.Core.Manifests;
using Reconciler.Core.Planning;

namespace Esmctl.Tests.Terminal;

/// <summary>Issue 14's smaller wording items, each as the user met it.</summary>
public sealed class SmallWordingTests
{
    [Fact]
    public void Piped_progress_says_when_an_action_starts_and_leaves_how_it_ended_to_the_report()
    {
        var error = new StringWriter();
        var progress = new ApplyProgressOutput(error);
        progress.Report(new ApplyEvent("orders", PlanActionKind.Create, ApplyStep.Creating, null));
        progress.Report(new ApplyEvent("orders", PlanActionKind.Create, ApplyStep.Succeeded, "u-1"));
        progress.Report(new ApplyEvent("clicks", PlanActionKind.Update, ApplyStep.Failed, "u-2", Detail: "denied"));
        progress.Report(new ApplyEvent("other", PlanActionKind.Update, ApplyStep.Skipped, "u-3"));
        Assert.Equal("orders: creating...\n", error.ToString());
    }

    [Fact]
    public void An_empty_path_is_named_as_such_and_the_summary_does_not_count_zero_files()
    {
        var output = new StringWriter();
        Assert.Equal(1, ValidateCommand.Run([""], "text", TimeProvider.System, output));
        Assert.Equal("'': error: an empty path was given: name a manifest file or directory\ninvalid: 1 error (no manifest file was read)\n",
            output.ToString());
        Assert.DoesNotContain(": : ", output.ToString());
    }

    [Fact]
    public void A_missing_path_is_reported_at_the_path_alone_not_at_a_line_and_column_it_does_not_have()
    {
        var missing = Path.Join(Path.GetTempPath(), "esmctl-no-such-" + Guid.NewGuid().ToString("N"));
        var text = new StringWriter();
        Assert.Equal(1, ValidateCommand.Run([missing], "text", TimeProvider.System, text));
        Assert.StartsWith($"{missing}: error: no such file or directory\n", text.ToString());

        // A GitHub annotation on the path (no line), and the JSON keeps its schema's line and column of 1.
        var github = new StringWriter();
        ValidateCommand.Run([missing], "github", TimeProvider.System, github);
        Assert.Contains($"::error file={Reconciler.Core.Rendering.GitHubAnnotations.EscapeProperty(missing)}::{missing}: no such file or directory", github.ToString());
        var json = new StringWriter();
        ValidateCommand.Run([missing], "json", TimeProvider.System, json);
        Assert.Contains("\"line\": 1", json.ToString());
    }

    [Fact]
    public void A_missing_file_still_says_no_such_file()
    {
        var set = ManifestLoader.Load(["/nonexistent/esmctl/manifests.yaml"]);
        Assert.Contains(set.Diagnostics, d => d.Message == "no such file or directory" && d.Location.File == "/nonexistent/esmctl/manifests.yaml");
    }
}
