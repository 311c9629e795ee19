using Esmctl.Tests.Support;

namespace Esmctl.Tests.Terminal;

/// <summary>A person at a terminal sees live, coloured progress and a summary table; a pipe sees none of that, ever.</summary>
public sealed class TerminalOutputTests : IDisposable
{
    private const char Escape = '\u001b';
    private readonly TempWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    [ProcessTest(ProcessReason.Terminal)]
    public void Apply_on_a_terminal_shows_coloured_live_progress_and_a_summary_table()
    {
        var result = PseudoTerminal.Run(_workspace.Root, new Dictionary<string, string?>(), "apply", "manifests", "--auto-approve");

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Contains(Escape, result.Output);
        Assert.Matches(@"\+.*orders-to-processor.*: creating\.\.\.", result.Output);
        Assert.Matches(@"✓.*orders-to-processor.*: created after \d+s", result.Output);
        Assert.Contains("│ Mapping", result.Output);
        Assert.Contains("Apply complete!", result.Output);
    }

    [Fact]
    [ProcessTest(ProcessReason.Terminal)]
    public void Apply_on_a_terminal_with_NO_COLOR_keeps_the_progress_and_drops_every_escape()
    {
        var result = PseudoTerminal.Run(_workspace.Root, new Dictionary<string, string?> { ["NO_COLOR"] = "1" }, "apply", "manifests", "--auto-approve");

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.DoesNotContain(Escape, result.Output);
        Assert.Contains("orders-to-processor: creating...", result.Output);
        Assert.Contains("│ Mapping", result.Output);
    }

    [Fact]
    public void Apply_piped_has_no_colour_no_table_no_prompt_and_plain_progress_on_stderr_only()
    {
        // NO_COLOR unset: the pipe alone must turn colour off.
        var environment = new Dictionary<string, string?>(EmulatorHarness.AwsEnvironment()) { ["NO_COLOR"] = null, ["TERM"] = "xterm-256color" };
        var result = _workspace.Run(InProcessEsmctl.With(environment), "apply", _workspace.Manifests, "--auto-approve");

        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotContain(Escape, result.Stdout);
        Assert.DoesNotContain(Escape, result.Stderr);
        Assert.DoesNotContain("creating...", result.Stdout);
        Assert.DoesNotContain("│", result.Stdout);
        Assert.DoesNotContain("Enter a value", result.Stdout);
        Assert.Contains("  ok      orders-to-processor: created", result.Stdout);
        Assert.Contains("orders-to-processor: creating...", result.Stderr);
    }

    [Fact]
    public void Plan_as_json_under_a_terminal_is_pure_json()
    {
        var result = _workspace.Run(InProcessEsmctl.Default with { Interactive = true }, "plan", _workspace.Manifests, "--output", "json");

        Assert.True(result.ExitCode == 0, result.Stdout + result.Stderr);
        Assert.DoesNotContain(Escape, result.Stdout);
        using var document = System.Text.Json.JsonDocument.Parse(result.Stdout);
        Assert.Equal("1", document.RootElement.GetProperty("formatVersion").GetString());
    }

    [Fact]
    public void Apply_piped_without_auto_approve_refuses_instead_of_prompting()
    {
        var result = _workspace.Run(InProcessEsmctl.Default with { Stdin = "yes\n" }, "apply", _workspace.Manifests);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("apply needs --auto-approve when it is not run on a terminal", result.Stderr);
        Assert.DoesNotContain("Enter a value", result.Stdout);
        Assert.DoesNotContain(Escape, result.Stdout + result.Stderr);
    }
}
