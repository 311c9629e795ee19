using Esmctl.Tests.Support;

namespace Esmctl.Tests.Context;

/// <summary>"No changes" only when live state matches: a manifest whose mapping another owner holds, and an owned mapping
/// no manifest declares (without --prune), are shown in text and Markdown and make --detailed-exitcode exit 2.</summary>
public sealed class PendingChangesTests : IDisposable
{
    private readonly TempWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public void Another_owners_mapping_with_an_edited_field_is_a_pending_conflict_not_no_changes()
    {
        Assert.Equal(0, _workspace.Run("apply", _workspace.Manifests, "--auto-approve").ExitCode);
        var manifest = _workspace.Manifest("sqs-standard.yaml");
        File.WriteAllText(manifest, File.ReadAllText(manifest).Replace("batchSize: 50", "batchSize: 20", StringComparison.Ordinal));

        var text = _workspace.Run("plan", _workspace.Manifests, "--owner", "team-a", "--detailed-exitcode");
        var markdown = _workspace.Run("plan", _workspace.Manifests, "--owner", "team-a", "--detailed-exitcode", "-o", "markdown");

        Assert.True(text.ExitCode == 2, text.Stdout + text.Stderr);
        Assert.DoesNotContain("No changes. Live state matches", text.Stdout, StringComparison.Ordinal);
        Assert.Contains("Conflicts (declared in a manifest, managed by another owner", text.Stdout, StringComparison.Ordinal);
        Assert.Contains("orders-to-processor", text.Stdout, StringComparison.Ordinal);
        Assert.Contains("No changes to apply, but live state does not match the manifests: 9 conflicts", text.Stdout, StringComparison.Ordinal);
        Assert.Equal(2, markdown.ExitCode);
        Assert.Contains("### Conflicts", markdown.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("No changes. Live state matches", markdown.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void An_orphan_without_prune_is_a_pending_change()
    {
        Assert.Equal(0, _workspace.Run("apply", _workspace.Manifests, "--auto-approve").ExitCode);
        File.Delete(_workspace.Manifest("kinesis.yaml"));

        var plan = _workspace.Run("plan", _workspace.Manifests, "--detailed-exitcode");

        Assert.True(plan.ExitCode == 2, plan.Stdout + plan.Stderr);
        Assert.Contains("Orphans (not in any manifest", plan.Stdout, StringComparison.Ordinal);
        Assert.Contains("1 orphan (owned, in no manifest: not deleted without --prune)", plan.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("No changes. Live state matches", plan.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_converged_repository_still_exits_0()
    {
        Assert.Equal(0, _workspace.Run("apply", _workspace.Manifests, "--auto-approve").ExitCode);

        var plan = _workspace.Run("plan", _workspace.Manifests, "--detailed-exitcode");

        Assert.True(plan.ExitCode == 0, plan.Stdout + plan.Stderr);
        Assert.Contains("No changes. Live state matches the manifests.", plan.Stdout, StringComparison.Ordinal);
    }
}
