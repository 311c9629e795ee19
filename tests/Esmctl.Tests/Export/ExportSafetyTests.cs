using Esmctl.Commands;
using Esmctl.Targets;
using Esmctl.Tests.Support;
using Esmctl.Workflow;
using Reconciler.Core.Model;
using Reconciler.Emulator.Persistence;

namespace Esmctl.Tests.Export;

/// <summary>Issue 12: export writes only inside its directory, never over a file without --force, and all or nothing.
/// In process, against the local target, with names from hostile esmctl:name tags.</summary>
public sealed class ExportSafetyTests : IDisposable
{
    private readonly TempWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    private string Out => Path.Combine(_workspace.Root, "out", "manifests");

    private async Task CreateAsync(params string?[] names)
    {
        var api = new FileBackedControlPlane(_workspace.StateFile);
        for (var i = 0; i < names.Length; i++)
        {
            var tags = names[i] is { } name ? new Dictionary<string, string> { [ManagedTags.Name] = name } : null;
            await api.CreateAsync(new MappingConfiguration
            {
                FunctionName = $"worker-{i}",
                EventSourceArn = $"arn:aws:sqs:us-east-1:123456789012:queue-{i}",
                Tags = tags,
            }, CancellationToken.None);
        }
    }

    private async Task<(int Code, string Out, string Error)> ExportAsync(bool force = false)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var settings = new TargetSettings(new TargetSpec(TargetKind.Local, _workspace.StateFile));
        var code = await ExportCommand.RunAsync(new ExportArguments(settings, Out, null, null) { Force = force },
            InProcessEsmctl.Default.Services(output, error, TextReader.Null), CancellationToken.None);
        return (code, output.ToString(), error.ToString());
    }

    private string[] EverythingUnderRoot() =>
        [.. Directory.EnumerateFileSystemEntries(_workspace.Root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)];

    [Fact]
    public async Task Hostile_tag_names_are_made_labels_and_nothing_lands_outside_the_directory()
    {
        var outside = Path.Combine(Path.GetTempPath(), "esmctl-escape-" + Guid.NewGuid().ToString("N"));
        await CreateAsync("../escaped", "../../../../../../" + outside.TrimStart('/'), outside, "..", ".", "a/b/../../c",
            "..:../x", "Orders Queue", "ok-name", "/", "ESMCTL");
        var before = EverythingUnderRoot();

        var (code, output, error) = await ExportAsync();

        Assert.True(code == 0, output + error);
        var written = Directory.GetFiles(Out).Select(f => Path.GetFileName(f)!).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(11, written.Length);
        // esmctl.yaml would make the folder a multi-target one: the tag "ESMCTL" gets its UUID suffix instead.
        Assert.DoesNotContain("esmctl.yaml", written);
        Assert.Contains(written, f => f.StartsWith("esmctl-", StringComparison.Ordinal));
        Assert.All(written, f => Assert.Matches("^[a-z0-9]([a-z0-9-]*[a-z0-9])?\\.yaml$", f));
        Assert.Contains("ok-name.yaml", written);
        Assert.Contains("escaped.yaml", written);
        Assert.Contains("orders-queue.yaml", written);
        Assert.False(Path.Exists(outside));
        Assert.False(Path.Exists(Path.Combine(_workspace.Root, "out", "escaped.yaml")));
        // Only the directory, its files and the local state's own files are new.
        var added = EverythingUnderRoot().Except(before).Where(p => !p.StartsWith(Path.Combine(_workspace.Root, ".esmctl"), StringComparison.Ordinal)).ToList();
        Assert.All(added, p => Assert.True(p == Path.Combine(_workspace.Root, "out") || p == Out || Path.GetDirectoryName(p) == Out, p));
        Assert.DoesNotContain(Directory.EnumerateDirectories(Out), d => Path.GetFileName(d).StartsWith(ExportDirectory.TemporaryPrefix, StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_output_dir_that_is_empty_or_a_file_is_one_usage_error_and_the_file_is_kept()
    {
        await CreateAsync("first");
        var file = _workspace.In("notes.txt");
        File.WriteAllText(file, "mine\n");
        foreach (var dir in new[] { "", "  ", file })
        {
            var run = _workspace.Run("export", "--output-dir", dir);
            Assert.True(run.ExitCode == 1, run.Stdout + run.Stderr);
            Assert.Contains("--output-dir", run.Stderr);
            Assert.DoesNotContain("unexpected", run.Stderr);
        }
        Assert.Equal("mine\n", File.ReadAllText(file));
    }

    [Theory]
    [InlineData("../x.yaml")]
    [InlineData("/etc/x.yaml")]
    [InlineData("a/x.yaml")]
    [InlineData("..")]
    [InlineData(".")]
    [InlineData("")]
    public void A_name_that_is_not_a_file_in_the_directory_does_not_resolve(string name) =>
        Assert.Null(ExportDirectory.Resolve(Out, name));

    [Fact]
    public async Task An_existing_file_is_kept_unless_forced_and_a_refusal_writes_nothing()
    {
        await CreateAsync("first", "second", "third");
        Directory.CreateDirectory(Out);
        var mine = Path.Combine(Out, "second.yaml");
        File.WriteAllText(mine, "my own notes\n");

        var (code, output, error) = await ExportAsync();

        Assert.Equal(1, code);
        Assert.Contains("already exist", error);
        Assert.Contains("use --force", error);
        Assert.Contains(mine, error);
        Assert.Equal("my own notes\n", File.ReadAllText(mine));
        Assert.Equal(["second.yaml"], Directory.GetFileSystemEntries(Out).Select(f => Path.GetFileName(f)).ToArray());

        (code, output, error) = await ExportAsync(force: true);
        Assert.True(code == 0, output + error);
        Assert.Contains("second.yaml  (", output);
        Assert.Contains("overwritten)", output);
        Assert.Contains("name: second", File.ReadAllText(mine));
        Assert.Equal(3, Directory.GetFiles(Out).Length);

        // The same content again is not an overwrite: no --force needed.
        (code, output, error) = await ExportAsync();
        Assert.True(code == 0, output + error);
        Assert.Equal(3, output.Split("unchanged)").Length - 1);
    }

    [Fact]
    public async Task A_symlink_in_the_way_is_replaced_only_when_forced_and_never_followed()
    {
        await CreateAsync("linked");
        Directory.CreateDirectory(Out);
        var victim = Path.Combine(_workspace.Root, "victim.txt");
        File.WriteAllText(victim, "precious\n");
        File.CreateSymbolicLink(Path.Combine(Out, "linked.yaml"), victim);

        Assert.Equal(1, (await ExportAsync()).Code);
        Assert.Equal(0, (await ExportAsync(force: true)).Code);

        Assert.Equal("precious\n", File.ReadAllText(victim));
        Assert.Null(new FileInfo(Path.Combine(Out, "linked.yaml")).LinkTarget);
    }

    [Fact]
    public async Task A_directory_where_a_manifest_would_go_fails_the_whole_set_and_a_new_directory_is_removed()
    {
        await CreateAsync("first", "second");
        Directory.CreateDirectory(Path.Combine(Out, "second.yaml"));
        Assert.Equal(1, (await ExportAsync(force: true)).Code);
        Assert.Equal(["second.yaml"], Directory.GetFileSystemEntries(Out).Select(f => Path.GetFileName(f)).ToArray());
    }
}
