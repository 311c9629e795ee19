using Esmctl.Tests.Support;

namespace Esmctl.Tests.Trust;

/// <summary>
/// Issue 12: targets are never ambiguous. An esmctl.yaml at the manifests' root names the targets; a --target,
/// --endpoint-url, --region or --local-account on the same command line is refused before anything is read, with a
/// message that says which to drop. Credentials options (--profile) and naming the files themselves are not ambiguous.
/// </summary>
public sealed class TargetAmbiguityTests : IDisposable
{
    private readonly TempWorkspace _workspace = new();

    public TargetAmbiguityTests() =>
        File.WriteAllText(Path.Combine(_workspace.Manifests, "esmctl.yaml"), """
            targets:
              - name: prod
                region: us-east-1
                account: "123456789012"
                endpointUrl: http://127.0.0.1:9
            """);

    public void Dispose() => _workspace.Dispose();

    public static TheoryData<string[]> Flags => new()
    {
        new[] { "--target", "local:STATE" },
        new[] { "--target", "aws" },
        new[] { "--endpoint-url", "http://127.0.0.1:9" },
        new[] { "--region", "eu-west-1" },
        new[] { "--local-account", "210987654321" },
    };

    [Theory]
    [MemberData(nameof(Flags))]
    public void An_explicit_target_beside_esmctl_yaml_is_refused_and_nothing_is_written(string[] flags)
    {
        string[] given = [.. flags.Select(f => f.Replace("STATE", _workspace.StateFile, StringComparison.Ordinal))];
        foreach (var command in new[] { new[] { "plan" }, ["apply", "--auto-approve"] })
        {
            var run = InProcessEsmctl.Default.Run([command[0], _workspace.Manifests, .. command[1..], .. given]);

            Assert.True(run.ExitCode == 1, run.Stdout + run.Stderr);
            Assert.Contains("esmctl.yaml names the targets", run.Stderr);
            Assert.Contains($"Drop {flags[0]}", run.Stderr);
            Assert.DoesNotContain("=== target", run.Stdout);
            Assert.False(File.Exists(_workspace.StateFile));
        }
    }

    [Fact]
    public void The_folder_holding_esmctl_yaml_named_with_other_paths_is_refused_with_or_without_a_target()
    {
        // Its esmctl.yaml used to be ignored without a word: the folder's manifests went to --target (or the default).
        var other = _workspace.In("other");
        Directory.CreateDirectory(other);
        // Without a target flag, only plan: an apply that went wrong would write the default target in the working directory.
        foreach (var (flags, command) in new[]
        {
            (Array.Empty<string>(), new[] { "plan" }),
            (["--target", $"local:{_workspace.StateFile}"], ["plan"]),
            (["--target", $"local:{_workspace.StateFile}"], ["apply", "--auto-approve"]),
        })
        {
            var run = InProcessEsmctl.Default.Run([command[0], other, _workspace.Manifests, .. command[1..], .. flags]);

            Assert.True(run.ExitCode == 1, run.Stdout + run.Stderr);
            Assert.Contains("other paths are named with it", run.Stderr);
            Assert.DoesNotContain("will be created", run.Stdout);
            Assert.False(File.Exists(_workspace.StateFile));
        }
    }

    [Fact]
    public void Naming_the_files_chooses_the_command_lines_target()
    {
        var files = Directory.GetFiles(_workspace.Manifests, "*.yaml").Where(f => !f.EndsWith("esmctl.yaml", StringComparison.Ordinal));
        var plan = _workspace.Run(["plan", .. files, "--detailed-exitcode"]);
        Assert.True(plan.ExitCode == 2, plan.Stdout + plan.Stderr);
    }
}
