using Esmctl.Tests.Support;

namespace Esmctl.Tests.Trust;

/// <summary>
/// Issue 12: no prune from damaged input. A *.yaml file with no document (zero bytes, comments only, an empty
/// document), a FIFO named *.yaml, or a set of paths that declares no manifest at all is an error for plan and apply
/// with --prune (nothing is read or changed), and stays a warning without --prune.
/// </summary>
public sealed class DamagedInputTests : IDisposable
{
    private readonly TempWorkspace _workspace = new();

    public DamagedInputTests()
    {
        var apply = _workspace.Run("apply", _workspace.Manifests, "--auto-approve");
        Assert.True(apply.ExitCode == 0, apply.Stdout + apply.Stderr);
    }

    public void Dispose() => _workspace.Dispose();

    public static TheoryData<string, string> Damage => new()
    {
        { "zero bytes", "" },
        { "comments only", "# apiVersion: esmctl/v1\n# kind: EventSourceMapping\n" },
        { "an empty document", "---\n...\n" },
    };

    [Theory]
    [MemberData(nameof(Damage))]
    public void Apply_with_prune_refuses_a_damaged_manifest_and_changes_nothing(string what, string content)
    {
        File.WriteAllText(_workspace.Manifest("kinesis.yaml"), content);
        var before = File.ReadAllText(_workspace.StateFile);

        var apply = _workspace.Run("apply", _workspace.Manifests, "--auto-approve", "--prune");

        Assert.True(apply.ExitCode == 1, what + "\n" + apply.Stdout + apply.Stderr);
        Assert.Contains("kinesis.yaml:1:1: error:", apply.Stderr);
        Assert.Contains("with --prune this is an error", apply.Stderr);
        Assert.Equal(before, File.ReadAllText(_workspace.StateFile));
        var plan = _workspace.Run("plan", _workspace.Manifests, "--prune");
        Assert.Equal(1, plan.ExitCode);
    }

    [Fact]
    public void A_file_of_two_documents_cut_short_after_its_separator_is_refused_with_prune()
    {
        // Both mappings in one file, saved non-atomically: read while only the first document and the "---" were written.
        var kinesis = File.ReadAllText(_workspace.Manifest("kinesis.yaml"));
        File.WriteAllText(_workspace.Manifest("kinesis.yaml"), kinesis + "\n---\n" + File.ReadAllText(_workspace.Manifest("sqs-standard.yaml")));
        File.Delete(_workspace.Manifest("sqs-standard.yaml"));
        var whole = _workspace.Run("plan", _workspace.Manifests, "--prune", "--detailed-exitcode");
        Assert.True(whole.ExitCode == 0, whole.Stdout + whole.Stderr);
        File.WriteAllText(_workspace.Manifest("kinesis.yaml"), kinesis + "\n---\n");
        var before = File.ReadAllText(_workspace.StateFile);

        var apply = _workspace.Run("apply", _workspace.Manifests, "--auto-approve", "--prune");

        Assert.True(apply.ExitCode == 1, apply.Stdout + apply.Stderr);
        Assert.Contains("kinesis.yaml:1:1: error:", apply.Stderr);
        Assert.Contains("cut short", apply.Stderr);
        Assert.Equal(before, File.ReadAllText(_workspace.StateFile));
        // Without --prune it stays a warning and the plan goes on.
        Assert.Equal(0, _workspace.Run("plan", _workspace.Manifests).ExitCode);
    }

    [Fact]
    public void A_fifo_named_like_a_manifest_is_refused_with_prune()
    {
        if (OperatingSystem.IsWindows()) return;
        File.Delete(_workspace.Manifest("kinesis.yaml"));
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", [_workspace.Manifest("kinesis.yaml")])) mkfifo.WaitForExit();
        var before = File.ReadAllText(_workspace.StateFile);

        var apply = _workspace.Run("apply", _workspace.Manifests, "--auto-approve", "--prune");

        Assert.True(apply.ExitCode == 1, apply.Stdout + apply.Stderr);
        Assert.Contains("not a regular file", apply.Stderr);
        Assert.Equal(before, File.ReadAllText(_workspace.StateFile));
    }

    [Fact]
    public void A_directory_named_like_a_manifest_is_refused_with_prune()
    {
        // A checkout or a careless mkdir left kinesis.yaml a directory: not a regular file, so it may have been a manifest.
        File.Delete(_workspace.Manifest("kinesis.yaml"));
        Directory.CreateDirectory(_workspace.Manifest("kinesis.yaml"));
        var before = File.ReadAllText(_workspace.StateFile);

        var apply = _workspace.Run("apply", _workspace.Manifests, "--auto-approve", "--prune");

        Assert.True(apply.ExitCode == 1, apply.Stdout + apply.Stderr);
        Assert.Contains("kinesis.yaml:1:1: error:", apply.Stderr);
        Assert.Contains("not a regular file", apply.Stderr);
        Assert.Equal(before, File.ReadAllText(_workspace.StateFile));
        // Without --prune it stays a warning; a directory named *.yaml that holds manifests is read as a directory.
        Assert.Equal(2, _workspace.Run("plan", _workspace.Manifests, "--detailed-exitcode").ExitCode);
        File.Copy(_workspace.Manifest("sqs-standard.yaml"), Path.Combine(_workspace.Manifest("kinesis.yaml"), "inner.yaml"));
        File.Delete(_workspace.Manifest("sqs-standard.yaml"));
        var inner = _workspace.Run("plan", _workspace.Manifests, "--prune");
        Assert.True(inner.ExitCode == 0, inner.Stdout + inner.Stderr);
        Assert.DoesNotContain("error:", inner.Stderr);
    }

    [Fact]
    public async Task A_link_to_a_fifo_named_like_a_manifest_is_refused_with_prune_and_never_hangs()
    {
        if (OperatingSystem.IsWindows()) return;
        var fifo = Path.Combine(_workspace.Root, "fifo");
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", [fifo])) mkfifo.WaitForExit();
        File.Delete(_workspace.Manifest("kinesis.yaml"));
        // A link's own length is that of the path it holds: the FIFO behind it must still not be opened.
        File.CreateSymbolicLink(_workspace.Manifest("kinesis.yaml"), fifo);
        var before = File.ReadAllText(_workspace.StateFile);

        var apply = await _workspace.RunAsync(InProcessEsmctl.Default, "apply", _workspace.Manifests, "--auto-approve", "--prune")
            .WaitAsync(TimeSpan.FromSeconds(60));

        Assert.True(apply.ExitCode == 1, apply.Stdout + apply.Stderr);
        Assert.Contains("not a regular file", apply.Stderr);
        Assert.Equal(before, File.ReadAllText(_workspace.StateFile));
    }

    [Fact]
    public void Paths_that_declare_no_manifest_are_refused_with_prune()
    {
        foreach (var file in Directory.GetFiles(_workspace.Manifests)) File.Delete(file);
        File.WriteAllText(_workspace.Manifest("ci.yaml"), "on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n");
        var before = File.ReadAllText(_workspace.StateFile);

        var apply = _workspace.Run("apply", _workspace.Manifests, "--auto-approve", "--prune", "--max-deletes", "100");

        Assert.True(apply.ExitCode == 1, apply.Stdout + apply.Stderr);
        Assert.Contains("no manifest", apply.Stderr);
        Assert.Equal(before, File.ReadAllText(_workspace.StateFile));

        var empty = Path.Combine(_workspace.Root, "empty");
        Directory.CreateDirectory(empty);
        Assert.Equal(1, _workspace.Run("apply", empty, "--auto-approve", "--prune", "--max-deletes", "100").ExitCode);
        Assert.Equal(before, File.ReadAllText(_workspace.StateFile));
    }

    [Fact]
    public void Without_prune_a_damaged_manifest_stays_a_warning()
    {
        File.WriteAllText(_workspace.Manifest("kinesis.yaml"), "");

        var plan = _workspace.Run("plan", _workspace.Manifests, "--detailed-exitcode");

        // Not an error; the mapping the file declared is an orphan, which is a pending change (exit 2), never "No changes".
        Assert.True(plan.ExitCode == 2, plan.Stdout + plan.Stderr);
        Assert.Contains("kinesis.yaml:1:1: warning:", plan.Stderr);
        Assert.Contains("Orphans (not in any manifest", plan.Stdout);
    }

    [Fact]
    public void An_intended_removal_still_prunes()
    {
        File.Delete(_workspace.Manifest("kinesis.yaml"));

        var apply = _workspace.Run("apply", _workspace.Manifests, "--auto-approve", "--prune");

        Assert.True(apply.ExitCode == 0, apply.Stdout + apply.Stderr);
        Assert.Contains("1 deleted", apply.Stdout);
    }
}
