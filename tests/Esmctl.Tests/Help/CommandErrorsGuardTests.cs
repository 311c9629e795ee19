using Esmctl.Commands;
using Esmctl.Tests.Support;

namespace Esmctl.Tests.Help;

public sealed class CommandErrorsGuardTests
{
    [Fact]
    public async Task An_unexpected_failure_is_one_line_pointing_at_debug_not_a_stack_trace()
    {
        var error = new StringWriter();
        var code = await CommandErrors.GuardAsync(
            new CommandConsole(TextWriter.Null, error, TextReader.Null, false), debug: false,
            () => throw new InvalidOperationException("the thing broke"));

        Assert.Equal(1, code);
        Assert.Equal("error: unexpected InvalidOperationException: the thing broke (run with --debug for details)\n",
            error.ToString().Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_failing_credential_process_is_a_credentials_error_not_an_unexpected_one()
    {
        var error = new StringWriter();
        var code = await CommandErrors.GuardAsync(
            new CommandConsole(TextWriter.Null, error, TextReader.Null, false), debug: false,
            () => throw new Amazon.Runtime.ProcessAWSCredentialException("Command returned non-zero exit value 1 with the error - token expired\n"));

        Assert.Equal(1, code);
        Assert.Equal("error: the AWS profile's credential_process failed: Command returned non-zero exit value 1 with the error - token expired\n",
            error.ToString().Replace("\r\n", "\n", StringComparison.Ordinal));
        Assert.True(CommandErrors.IsTargetFailure(new Amazon.Runtime.ProcessAWSCredentialException("x")));
    }

    [Fact]
    public void Debug_is_accepted_by_every_command()
    {
        var root = Program.BuildRootCommand(InProcessEsmctl.Quiet);
        foreach (var command in root.Subcommands)
        {
            var parsed = root.Parse([command.Name, "--debug"]);
            Assert.Empty(parsed.UnmatchedTokens);
            Assert.DoesNotContain(parsed.Errors, e => e.Message.Contains("--debug", StringComparison.Ordinal));
            Assert.True(DebugOption.IsSet(parsed), command.Name);
        }
    }

    [Fact]
    public void A_broken_local_state_file_is_one_line_and_debug_adds_the_details()
    {
        using var workspace = new TempWorkspace();
        var state = Path.Combine(workspace.Root, "broken-state.json");
        File.WriteAllText(state, "{not json");

        var plain = InProcessEsmctl.Default.Run("plan", workspace.Manifests, "--target", $"local:{state}");
        Assert.Equal(1, plain.ExitCode);
        Assert.StartsWith($"error: The local state file {state}:1:2 is not valid JSON", plain.Stderr);
        Assert.Single(plain.Stderr.Trim().Split('\n'));
        Assert.DoesNotContain("   at ", plain.Stderr);

        var debug = InProcessEsmctl.Default.Run("plan", workspace.Manifests, "--target", $"local:{state}", "--debug");
        Assert.Equal(1, debug.ExitCode);
        Assert.Contains("LocalStateException", debug.Stderr);
        Assert.Contains("   at ", debug.Stderr);
    }
}
