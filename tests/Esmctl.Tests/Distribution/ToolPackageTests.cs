using Esmctl.Tests.Support;
using System.Diagnostics;
using System.Text.RegularExpressions;
using Reconciler.Testing;

namespace Esmctl.Tests.Distribution;

/// <summary>esmctl as users get it: packed as a .NET tool, installed into a tool path from a folder of packages
/// (with a NuGet config naming only that folder, so it works offline), and run from there.</summary>
[ProcessTest(ProcessReason.Install)]
public sealed class ToolPackageTests : IDisposable
{
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(5);
    private readonly string _root = Path.Combine(Path.GetTempPath(), "esmctl-tool-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public void Packs_installs_into_a_tool_path_and_runs_with_its_version_and_commit()
    {
        var version = Regex.Match(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "Directory.Build.props")),
            "<EsmctlVersion>([^<]+)</EsmctlVersion>").Groups[1].Value;
        Assert.NotEqual("", version);
        var packages = Path.Combine(_root, "nupkgs");
        var tools = Path.Combine(_root, "tools");
        var project = Path.Combine(RepositoryPaths.Root, "src", "Esmctl", "Esmctl.csproj");

        // The test run has just built esmctl in this configuration; packing that build keeps the test quick.
        var pack = Run("dotnet", ["pack", project, "--no-build", "-c", Configuration, "-o", packages]);
        Assert.True(pack.ExitCode == 0, pack.Output);
        Assert.True(File.Exists(Path.Combine(packages, $"esmctl.{version}.nupkg")), pack.Output);

        var config = Path.Combine(_root, "nuget.config");
        File.WriteAllText(config,
            $"""<?xml version="1.0" encoding="utf-8"?><configuration><packageSources><clear /><add key="local" value="{packages}" /></packageSources></configuration>""");
        string[] install = ["tool", "install", "esmctl", "--tool-path", tools, "--add-source", packages, "--configfile", config, "--version", version];
        var installed = Run("dotnet", install);
        if (installed.ExitCode != 0) installed = Run("dotnet", install); // once more: a busy machine can time a restore out
        Assert.True(installed.ExitCode == 0, installed.Output);

        var shim = Path.Combine(tools, OperatingSystem.IsWindows() ? "esmctl.exe" : "esmctl");
        var printed = Run(shim, ["--version"]);
        Assert.True(printed.ExitCode == 0, printed.Output);
        // The package holds the build that was packed; its informational version is "0.1.0+<commit>".
        var packed = FileVersionInfo.GetVersionInfo(Path.Combine(Path.GetDirectoryName(project)!, "bin", Configuration, "net10.0", "esmctl.dll")).ProductVersion ?? "";
        var commit = packed.Contains('+') ? packed[(packed.IndexOf('+') + 1)..] : "unknown";
        Assert.Equal($"esmctl {version} (commit {commit})", printed.Output.Trim());
        var inCheckout = Path.Exists(Path.Combine(RepositoryPaths.Root, ".git"));
        var gitInstalled = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Any(dir => File.Exists(Path.Combine(dir, "git")));
        if (inCheckout && gitInstalled) Assert.Matches("^[0-9a-f]{12}$", commit);

        // The installed tool carries its templates, schema and dependencies: init, then validate what it wrote.
        var repo = Path.Combine(_root, "repo");
        Assert.Equal(0, Run(shim, ["init", repo, "--sources", "sqs,kinesis"]).ExitCode);
        var validated = Run(shim, ["validate", Path.Combine(repo, "manifests")]);
        Assert.True(validated.ExitCode == 0, validated.Output);
        Assert.Contains("valid: 2 mappings", validated.Output);
    }

    private (int ExitCode, string Output) Run(string file, IReadOnlyList<string> args)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = _root,
        };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        // Its own package cache: a stale esmctl of the same version from an earlier run must not be picked up.
        start.Environment["NUGET_PACKAGES"] = Path.Combine(_root, "packages");
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["NO_COLOR"] = "1";
        Directory.CreateDirectory(_root);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Bound))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', args)} did not finish within {Bound.TotalMinutes} minutes");
        }
        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}
