using System.Diagnostics;
using System.Text;

namespace Esmctl.Tests.Signals;

/// <summary>
/// The real esmctl as a child process whose output is watched as it comes, so a test can signal it at a chosen step
/// (kill -INT / -TERM), or type into it. <see cref="StartOnTerminal"/> runs it on a pseudo-terminal (util-linux
/// script), where it prompts as it does for a person and where Ctrl-C is the character ^C typed at the terminal.
/// Every wait is bounded.
/// </summary>
internal sealed class SignalledProcess : IDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly object _gate = new();
    private readonly Task _pumps;

    private SignalledProcess(Process process)
    {
        _process = process;
        _pumps = Task.WhenAll(PumpAsync(process.StandardOutput), PumpAsync(process.StandardError));
    }

    /// <summary>Everything written so far, standard output and error interleaved as they arrived.</summary>
    public string Output
    {
        get
        {
            lock (_gate) return _output.ToString();
        }
    }

    public static SignalledProcess Start(string workingDirectory, IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        Support.ProcessTestGuard.Require();
        var start = Base(workingDirectory, environment, "dotnet");
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "esmctl.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        var process = new SignalledProcess(Process.Start(start)!);
        process._process.StandardInput.Close();
        return process;
    }

    /// <summary>On a pseudo-terminal: standard input and output are a terminal, as for a person at a shell.</summary>
    public static SignalledProcess StartOnTerminal(string workingDirectory, IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        Support.ProcessTestGuard.Require();
        var command = string.Join(' ', new[] { "dotnet", Path.Combine(AppContext.BaseDirectory, "esmctl.dll") }.Concat(args).Select(Quote));
        var start = Base(workingDirectory, environment, "script");
        foreach (var arg in new[] { "--quiet", "--flush", "--return", "--command", command, "/dev/null" }) start.ArgumentList.Add(arg);
        return new SignalledProcess(Process.Start(start)!);
    }

    public static bool TerminalAvailable => OperatingSystem.IsLinux() && File.Exists("/usr/bin/script");

    /// <summary>Waits until the output contains <paramref name="text"/> <paramref name="times"/> times; fails with the
    /// output so far if it never does.</summary>
    public async Task WaitForAsync(string text, int times = 1)
    {
        var deadline = Stopwatch.StartNew();
        while (Count(text) < times)
        {
            if (_process.HasExited) await _pumps.WaitAsync(Bound);
            if (Count(text) >= times) return;
            if (_process.HasExited || deadline.Elapsed > Bound)
                throw new TimeoutException($"\"{text}\" never appeared {times} times (exited: {_process.HasExited}). Output:\n{Output}");
            await Task.Delay(20);
        }
    }

    private int Count(string text)
    {
        var output = Output;
        var count = 0;
        for (var at = output.IndexOf(text, StringComparison.Ordinal); at >= 0; at = output.IndexOf(text, at + text.Length, StringComparison.Ordinal)) count++;
        return count;
    }

    /// <summary>Sends a signal as kill(1) does: INT (what Ctrl-C sends) or TERM (what docker stop and systemd send).</summary>
    public void Signal(string name)
    {
        using var kill = Process.Start("kill", [$"-{name}", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!;
        if (!kill.WaitForExit(TimeSpan.FromSeconds(10))) throw new TimeoutException("kill did not return");
    }

    /// <summary>Types at the terminal (for <see cref="StartOnTerminal"/>): "\u0003" is Ctrl-C.</summary>
    public void Type(string text)
    {
        _process.StandardInput.Write(text);
        _process.StandardInput.Flush();
    }

    public async Task<(int ExitCode, string Output)> ExitAsync()
    {
        if (!_process.WaitForExit(Bound))
        {
            _process.Kill(entireProcessTree: true);
            throw new TimeoutException($"esmctl did not exit within {Bound.TotalSeconds:0} s. Output:\n{Output}");
        }
        await _pumps.WaitAsync(Bound);
        return (_process.ExitCode, Output);
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.Dispose();
    }

    private async Task PumpAsync(StreamReader reader)
    {
        var buffer = new char[4096];
        int read;
        while ((read = await reader.ReadAsync(buffer)) > 0)
        {
            lock (_gate) _output.Append(buffer, 0, read);
        }
    }

    private static ProcessStartInfo Base(string workingDirectory, IReadOnlyDictionary<string, string?> environment, string file)
    {
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        start.Environment["NO_COLOR"] = "1";
        start.Environment.Remove("ESMCTL_DEBUG");
        foreach (var (key, value) in environment)
        {
            if (value is null) start.Environment.Remove(key);
            else start.Environment[key] = value;
        }
        return start;
    }

    private static string Quote(string arg) => "'" + arg.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
