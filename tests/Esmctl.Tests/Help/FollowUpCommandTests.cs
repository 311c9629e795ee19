using System.Text.RegularExpressions;
using Esmctl.Tests.Support;

namespace Esmctl.Tests.Help;

/// <summary>The "next, run this" lines of plan --out and export, typed back as printed: they must act on the target,
/// owner and prune of the command that printed them (a newcomer on `--target aws --endpoint-url ...` who runs the
/// printed `esmctl plan DIR` must not land on the default local target).</summary>
public sealed class FollowUpCommandTests : IDisposable
{
    private readonly TempWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    /// <summary>POSIX words of a printed command, single quotes honoured; without the leading "esmctl".</summary>
    private static string[] Words(string command)
    {
        var words = Regex.Matches(command, @"'(?:[^']|'\\'')*'|[^\s']+")
            .Select(m => m.Value.StartsWith('\'') ? m.Value[1..^1].Replace("'\\''", "'", StringComparison.Ordinal) : m.Value)
            .ToArray();
        Assert.Equal("esmctl", words[0]);
        return words[1..];
    }

    [Fact]
    public void The_saved_plan_hint_names_the_target_owner_and_prune_it_was_planned_with_and_works_as_printed()
    {
        var state = _workspace.In("elsewhere state.json");
        var plan = InProcessEsmctl.Default.Run(
            "plan", _workspace.Manifests, "--target", $"local:{state}", "--owner", "team-a", "--prune", "--out", _workspace.In("plan.json"));
        Assert.True(plan.ExitCode == 0, plan.Stdout + plan.Stderr);
        var hint = Regex.Match(plan.Stderr, "apply exactly this plan with: (esmctl .*)$", RegexOptions.Multiline);
        Assert.True(hint.Success, plan.Stderr);
        var command = hint.Groups[1].Value.TrimEnd();
        Assert.Contains($"--target 'local:{state}'", command, StringComparison.Ordinal);
        Assert.Contains("--owner team-a --prune", command, StringComparison.Ordinal);

        var apply = InProcessEsmctl.Default.Run([.. Words(command), "--auto-approve"]);
        Assert.True(apply.ExitCode == 0, apply.Stdout + apply.Stderr);
        Assert.Contains("9 created", apply.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void The_saved_plan_hint_of_the_default_target_is_just_the_file_and_the_manifests()
    {
        var plan = InProcessEsmctl.Default.Run("plan", _workspace.Manifests, "--out", _workspace.In("plan.json"), "--target", "local");
        Assert.True(plan.ExitCode == 0, plan.Stdout + plan.Stderr);
        Assert.Contains($"apply exactly this plan with: esmctl apply {_workspace.In("plan.json")} {_workspace.Manifests}{Environment.NewLine}", plan.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Exports_next_plan_reads_the_target_it_exported_from()
    {
        Assert.Equal(0, _workspace.Run("apply", _workspace.Manifests, "--auto-approve").ExitCode);
        var exported = _workspace.In("exported");
        var export = _workspace.Run("export", "--output-dir", exported);
        Assert.True(export.ExitCode == 0, export.Stdout + export.Stderr);
        var hint = Regex.Match(export.Stdout, @"Next: (esmctl plan .*?) \(");
        Assert.True(hint.Success, export.Stdout);
        Assert.Contains($"--target local:{_workspace.StateFile}", hint.Groups[1].Value, StringComparison.Ordinal);

        // Typed as printed: the exported mappings are the ones it lists, so nothing to do (not nine creates elsewhere).
        var plan = InProcessEsmctl.Default.Run([.. Words(hint.Groups[1].Value), "--detailed-exitcode"]);
        Assert.True(plan.ExitCode == 0, plan.Stdout + plan.Stderr);
        Assert.Contains("No changes.", plan.Stdout, StringComparison.Ordinal);
    }
}
