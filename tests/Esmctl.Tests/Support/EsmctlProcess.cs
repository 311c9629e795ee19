using System.Diagnostics;

namespace Esmctl.Tests.Support;

/// <summary>Runs the real esmctl binary (built beside the tests) as a child process, with a bounded wait.</summary>
public static class EsmctlProcess
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    public static Result Run(string workingDirectory, params string[] args) =>
        Run(workingDirectory, new Dictionary<string, string?>(), stdin: null, args);

    public static Result Run(string workingDirectory, IReadOnlyDictionary<string, string?> environment, string? stdin, params string[] args)
    {
        ProcessTestGuard.Require();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "esmctl.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        // Output must not depend on the developer's terminal or colour settings.
        start.Environment["NO_COLOR"] = "1";
        foreach (var (key, value) in environment)
        {
            if (value is null) start.Environment.Remove(key);
            else start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (stdin is not null) process.StandardInput.Write(stdin);
        process.StandardInput.Close();
        if (!process.WaitForExit(TimeSpan.FromSeconds(90)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"esmctl {string.Join(' ', args)} did not finish within 90 s");
        }
        return new Result(process.ExitCode, stdout.Result, stderr.Result);
    }
}
