using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Esmctl.Tests.Support;

/// <summary>`esmctl emulator` as a real child process: started on a free port, its address read from the line it
/// prints once bound, stopped with SIGTERM. Disposing kills it if a test left it running.</summary>
public sealed partial class EsmctlServer : IDisposable
{
    private readonly Process _process;
    private readonly Task<string> _stderr;

    private EsmctlServer(Process process, Uri url, Task<string> stderr)
    {
        _process = process;
        Url = url;
        _stderr = stderr;
    }

    public Uri Url { get; }

    public int ProcessId => _process.Id;

    public static async Task<EsmctlServer> StartAsync(params string[] args)
    {
        ProcessTestGuard.Require();
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "esmctl.dll"));
        start.ArgumentList.Add("emulator");
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["NO_COLOR"] = "1";
        var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            while (true)
            {
                var line = await process.StandardOutput.ReadLineAsync(timeout.Token)
                    ?? throw new InvalidOperationException($"esmctl emulator exited before listening: {await stderr}");
                var match = ListeningLine().Match(line);
                if (match.Success) return new EsmctlServer(process, new Uri(match.Groups[1].Value), stderr);
            }
        }
        catch
        {
            process.Kill(entireProcessTree: true);
            process.Dispose();
            throw;
        }
    }

    /// <summary>Sends SIGTERM and waits (bounded) for the exit code.</summary>
    public int Terminate(TimeSpan timeout)
    {
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            kill.WaitForExit();
        }
        if (!_process.WaitForExit(timeout))
            throw new TimeoutException($"esmctl emulator did not stop within {timeout} of SIGTERM");
        return _process.ExitCode;
    }

    public string Stderr => _stderr.IsCompleted ? _stderr.Result : "";

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException) { }
        _process.Dispose();
    }

    [GeneratedRegex(@"^esmctl emulator listening on (http://\S+)$")]
    private static partial Regex ListeningLine();
}
