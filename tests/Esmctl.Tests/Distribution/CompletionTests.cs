using Esmctl.Tests.Support;
using System.Diagnostics;
using Esmctl.Commands;
using Esmctl.Completion;

namespace Esmctl.Tests.Distribution;

/// <summary>`esmctl completion SHELL`: the bash script loads in a real bash and completes from esmctl's own definitions.</summary>
public sealed class CompletionTests : IDisposable
{
    private readonly string _bin = Path.Combine(Path.GetTempPath(), "esmctl-completion-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        try { Directory.Delete(_bin, recursive: true); } catch (IOException) { }
    }

    [Theory]
    [InlineData("bash", "complete -o default -F _esmctl_complete esmctl")]
    [InlineData("zsh", "#compdef esmctl")]
    [InlineData("fish", "complete -c esmctl")]
    [InlineData("pwsh", "Register-ArgumentCompleter -Native -CommandName esmctl")]
    public void Each_shell_gets_a_script_that_asks_esmctl(string shell, string registers)
    {
        var output = new StringWriter();
        Assert.Equal(0, CompletionCommand.Run(shell, output));
        Assert.Contains(registers, output.ToString());
        Assert.Contains("[suggest:", output.ToString());
    }

    [Fact]
    public void An_unknown_shell_is_a_usage_error()
    {
        string[] args = ["completion", "tcsh"];
        var line = UsageErrors.Describe(Program.BuildRootCommand(InProcessEsmctl.Quiet).Parse(args), args);
        Assert.NotNull(line);
        Assert.Contains("tcsh", line);
    }

    [Theory]
    [InlineData("esmctl pl", "plan")]
    [InlineData("esmctl plan manifests --pru", "--prune")]
    [InlineData("esmctl plan manifests --output ", "github json markdown text")]
    [InlineData("esmctl completion ", "bash fish pwsh zsh")]
    [ProcessTest(ProcessReason.Install)]
    public async Task The_bash_script_loads_and_completes(string line, string expected)
    {
        Assert.True(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS(), "bash completion is tested where bash is the shell");
        // `esmctl` on PATH, as an installed binary would be: a shim running the build under test.
        Directory.CreateDirectory(_bin);
        var shim = Path.Combine(_bin, "esmctl");
        File.WriteAllText(shim, $"#!/bin/sh\nexec dotnet \"{Path.Combine(AppContext.BaseDirectory, "esmctl.dll")}\" \"$@\"\n");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(shim, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        const string script = """
            set -e
            source <(esmctl completion bash)
            COMP_LINE="$1"; COMP_POINT=${#1}
            read -ra COMP_WORDS <<< "$1"
            [[ "$1" == *" " ]] && COMP_WORDS+=("")
            COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
            _esmctl_complete
            printf '%s\n' "${COMPREPLY[@]}" | grep -v '^[-/]*[?h]$' | grep -v -- '^--help$' | grep -v -- '^--debug$' | sort | tr '\n' ' '
            """;
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "-c", script, "bash", line }) start.ArgumentList.Add(arg);
        start.Environment["PATH"] = _bin + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH");
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromSeconds(60)), "bash did not finish");
        Assert.True(process.ExitCode == 0, await stderr);
        Assert.Equal(expected, (await stdout).Trim());
    }
}
