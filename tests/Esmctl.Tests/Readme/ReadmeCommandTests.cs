using Esmctl.Tests.Help;
using Esmctl.Tests.Support;
using Reconciler.Testing;

namespace Esmctl.Tests.Readme;

/// <summary>
/// The README's commands, run as a newcomer types them: the real binary, in a fresh folder holding a copy of
/// examples/, with that folder as the working directory (so the local target's default state file and relative paths
/// are exercised as written). Everything else about these commands is tested in process.
/// </summary>
[ProcessTest(ProcessReason.Readme)]
public sealed class ReadmeCommandTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "esmctl-readme-" + Guid.NewGuid().ToString("N"));

    public ReadmeCommandTests()
    {
        foreach (var file in Directory.GetFiles(RepositoryPaths.Examples, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(_root, "examples", Path.GetRelativePath(RepositoryPaths.Examples, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }
    }

    public void Dispose()
    {
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { }
    }

    private EsmctlProcess.Result Esmctl(string workingDirectory, params string[] args) => EsmctlProcess.Run(workingDirectory, args);

    [Fact]
    public void The_set_up_applies_every_example_to_the_local_target_and_the_next_plan_has_nothing_to_do()
    {
        var apply = Esmctl(_root, "apply", "examples/", "--auto-approve");
        Assert.True(apply.ExitCode == 0, apply.Stdout + apply.Stderr);
        Assert.Contains("Apply complete! Mappings: 9 created", apply.Stdout);
        Assert.True(File.Exists(Path.Combine(_root, ".esmctl", "local-state.json")));

        var plan = Esmctl(_root, "plan", "examples/", "--detailed-exitcode");
        Assert.True(plan.ExitCode == 0, plan.Stdout + plan.Stderr);
        Assert.Contains("No changes.", plan.Stdout);
    }

    [Fact]
    public void Validate_prints_what_the_readme_shows_and_help_matches_the_golden_file()
    {
        var validate = Esmctl(_root, "validate", "examples/");
        Assert.Equal((0, "valid: 9 mappings in 13 files (5 documents of other tools skipped)"), (validate.ExitCode, validate.Stdout.Trim()));

        var help = Esmctl(_root, "--help");
        Assert.Equal(0, help.ExitCode);
        Golden.Assert(Golden.InTests("help-esmctl.txt"), help.Stdout);
    }

    [Fact]
    public void Init_scaffolds_a_repository_that_validates_and_plans_on_the_local_target()
    {
        var init = Esmctl(_root, "init", "my-mappings", "--sources", "sqs,kinesis");
        Assert.True(init.ExitCode == 0, init.Stderr);

        var repository = Path.Combine(_root, "my-mappings");
        var validate = Esmctl(repository, "validate", "manifests");
        Assert.True(validate.ExitCode == 0, validate.Stdout + validate.Stderr);

        var plan = Esmctl(repository, "plan", "manifests", "--detailed-exitcode");
        Assert.True(plan.ExitCode == 2, plan.Stdout + plan.Stderr);
        Assert.Contains("Plan: 2 to create, 0 to update, 0 to replace, 0 to delete.", plan.Stdout);
    }
}
