using System.Diagnostics;

namespace Esmctl.Tests.Terminal;

/// <summary>Runs the real esmctl under a pseudo-terminal, as a person at a terminal would: with util-linux
/// `script` when present, else python3's pty module. Neither present is a failure, never a silent skip.</summary>
public static class PseudoTerminal
{
    /// <summary>Output is what the terminal received, less the keypad-mode switches (ESC[?1h ESC= ... ESC[?1l ESC>)
    /// that the .NET runtime itself sends to a terminal when a process starts and ends: they are not esmctl's output,
    /// hold no colour, and show nothing on screen.</summary>
    public sealed record Result(int ExitCode, string Output);

    public static Result Run(string workingDirectory, IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        Support.ProcessTestGuard.Require();
        var esmctl = new[] { "dotnet", Path.Combine(AppContext.BaseDirectory, "esmctl.dll") }.Concat(args).ToArray();
        ProcessStartInfo start;
        if (OnPath("script") is { } script)
        {
            start = new ProcessStartInfo(script);
            foreach (var arg in new[] { "-qfec", string.Join(' ', esmctl.Select(Quote)), "/dev/null" }) start.ArgumentList.Add(arg);
        }
        else if (OnPath("python3") is { } python)
        {
            start = new ProcessStartInfo(python);
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add("import os, pty, sys; status = pty.spawn(sys.argv[1:]); sys.exit(os.waitstatus_to_exitcode(status))");
            foreach (var arg in esmctl) start.ArgumentList.Add(arg);
        }
        else
        {
            throw new InvalidOperationException("neither `script` (util-linux) nor python3 is installed: no pseudo-terminal to test under");
        }
        start.WorkingDirectory = workingDirectory;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.RedirectStandardInput = true;
        start.Environment["TERM"] = "xterm-256color";
        start.Environment.Remove("NO_COLOR");
        foreach (var (key, value) in environment)
        {
            if (value is null) start.Environment.Remove(key);
            else start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardInput.Close();
        if (!process.WaitForExit(TimeSpan.FromSeconds(90)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"esmctl {string.Join(' ', args)} under a pseudo-terminal did not finish within 90 s");
        }
        var output = System.Text.RegularExpressions.Regex.Replace(stdout.Result + stderr.Result, "\u001b\\[\\?1[hl]\u001b[=>]", "");
        return new Result(process.ExitCode, output);
    }

    private static string Quote(string arg) => "'" + arg.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    private static string? OnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);
}
