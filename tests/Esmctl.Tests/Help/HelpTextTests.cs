using Esmctl.Tests.Support;
using Reconciler.Testing;

namespace Esmctl.Tests.Help;

/// <summary>Help text, suggestions for mistakes, and the non-terminal plan, as a user sees them (the command line run in
/// process; the README tests run the binary).</summary>
public sealed class HelpTextTests
{
    public static TheoryData<string> Commands => new() { "", "init", "validate", "plan", "apply", "emulator" };

    [Theory]
    [MemberData(nameof(Commands))]
    public void Help_text_matches_the_golden_file(string command)
    {
        var args = command.Length == 0 ? new[] { "--help" } : [command, "--help"];
        var result = InProcessEsmctl.Default.Run(args);
        Assert.Equal(0, result.ExitCode);
        var help = AsInstalled(result.Stdout);
        Assert.Contains("Examples:\n  esmctl", help.Replace("\r\n", "\n", StringComparison.Ordinal));
        Golden.Assert(Golden.InTests($"help-{(command.Length == 0 ? "esmctl" : command)}.txt"), help);
    }

    /// <summary>The usage lines name the executable: in process that is the test host, installed it is esmctl (the
    /// README tests compare the binary's own help with the same golden file).</summary>
    public static string AsInstalled(string help) =>
        help.Replace("\n  testhost ", "\n  esmctl ", StringComparison.Ordinal);

    [Fact]
    public void Version_names_the_release_and_the_commit()
    {
        var result = InProcessEsmctl.Default.Run("--version");
        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"^esmctl \d+\.\d+\.\d+ \(commit ([0-9a-f]{7,40}|unknown)\)\n$", result.Stdout.Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    [Fact]
    public void A_mistyped_command_is_answered_with_the_nearest_one()
    {
        var result = InProcessEsmctl.Default.Run("aply", "manifests");
        Assert.Equal(1, result.ExitCode);
        Assert.Equal("error: unknown command 'aply'. Did you mean 'apply'? See 'esmctl --help'.\n", result.Stderr.Replace("\r\n", "\n", StringComparison.Ordinal));
        Assert.Equal("", result.Stdout);
    }

    [Fact]
    public void A_mistyped_option_is_answered_with_the_nearest_one_not_read_as_a_path()
    {
        var result = InProcessEsmctl.Default.Run("plan", "--outptu", "json", "manifests");
        Assert.Equal(1, result.ExitCode);
        Assert.Equal("error: unknown option '--outptu' for 'esmctl plan'. Did you mean '--output'? See 'esmctl plan --help'.\n",
            result.Stderr.Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    [Fact]
    public void The_suggest_directive_completes_commands_and_option_values()
    {
        var line = "esmctl plan --output ";
        var values = InProcessEsmctl.Default.Run($"[suggest:{line.Length}]", line);
        Assert.Equal(["github", "json", "markdown", "text"], values.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        var commands = InProcessEsmctl.Default.Run("[suggest:9]", "esmctl va");
        Assert.Contains("validate", commands.Stdout);
    }

    [Fact]
    public void Plan_off_a_terminal_has_no_colour_even_without_NO_COLOR_and_matches_the_golden_file()
    {
        using var workspace = new TempWorkspace();
        var result = workspace.Run("plan", workspace.Manifests);
        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotContain('\u001b', result.Stdout + result.Stderr);
        // The scope line names the workspace's state file, a new folder each run.
        Golden.Assert(Golden.InTests("plan-examples.txt"), result.Stdout.Replace(workspace.Root, "WORKSPACE", StringComparison.Ordinal));
    }
}
