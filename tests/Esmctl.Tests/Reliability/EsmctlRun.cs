using System.Diagnostics;

namespace Esmctl.Tests.Reliability;

/// <summary>
/// The real esmctl binary as a child process that a test can also kill (SIGKILL) while it runs; every wait is
/// bounded by <see cref="ReliabilityScale.ProcessTimeout"/>, so a hung run fails the test instead of the build.
/// </summary>
internal sealed class EsmctlRun : IDisposable
{
    private readonly Process _process;
    private readonly Task<string> _stdout;
    private readonly Task<string> _stderr;
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    private EsmctlRun(Process process, string[] args)
    {
        _process = process;
        Args = args;
        _stdout = process.StandardOutput.ReadToEndAsync();
        _stderr = process.StandardError.ReadToEndAsync();
        process.StandardInput.Close();
    }

    public string[] Args { get; }

    public bool HasExited => _process.HasExited;

    public int Pid => _process.Id;

    public static EsmctlRun Start(string workingDirectory, IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        Support.ProcessTestGuard.Require();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "esmctl.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["NO_COLOR"] = "1";
        start.Environment.Remove("ESMCTL_DEBUG");
        foreach (var (key, value) in environment)
        {
            if (value is null) start.Environment.Remove(key);
            else start.Environment[key] = value;
        }
        return new EsmctlRun(Process.Start(start)!, args);
    }

    public static Outcome Run(string workingDirectory, IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        using var run = Start(workingDirectory, environment, args);
        return run.Wait();
    }

    /// <summary>Waits for the end, within the process bound.</summary>
    public Outcome Wait()
    {
        if (!_process.WaitForExit(ReliabilityScale.ProcessTimeout))
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
            throw new TimeoutException(
                $"esmctl {string.Join(' ', Args)} did not finish within {ReliabilityScale.ProcessTimeout.TotalSeconds:0} s\n{_stderr.Result}");
        }
        _process.WaitForExit(); // drains the redirected streams
        return new Outcome(_process.ExitCode, _stdout.Result, _stderr.Result, _clock.Elapsed, Killed: false);
    }

    /// <summary>SIGKILL (Process.Kill on Unix): no handler, no flush, no cleanup runs in esmctl.</summary>
    public Outcome Kill()
    {
        var killed = !_process.HasExited;
        if (killed) _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
        return new Outcome(_process.ExitCode, _stdout.Result, _stderr.Result, _clock.Elapsed, killed);
    }

    /// <summary>SIGKILL without waiting, for a trip wire that fires inside an emulator request.</summary>
    public void KillNow()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // already exited
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.Dispose();
    }

    public sealed record Outcome(int ExitCode, string Stdout, string Stderr, TimeSpan Duration, bool Killed)
    {
        public string Output => Stdout + Stderr;
    }
}
