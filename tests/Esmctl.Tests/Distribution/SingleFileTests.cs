using Esmctl.Tests.Support;
using System.Diagnostics;
using System.Runtime.InteropServices;
using Reconciler.Testing;

namespace Esmctl.Tests.Distribution;

/// <summary>
/// The release is one self-contained file: published here for this machine, it plans the examples with an empty PATH,
/// no DOTNET_ROOT and, where the test may (root and unshare), the .NET installation hidden in a private mount namespace.
/// The suite publishes without ReadyToRun (crossgen would double the time), into an artifacts path of its own so it
/// cannot disturb the builds of the other test projects running at the same time (~35 s of compiling on 2 idle cores,
/// the price of testing the real thing); scripts/release.sh and the release workflow make the ReadyToRun binaries for
/// linux-x64 and linux-arm64 and run this same check on them.
/// </summary>
[ProcessTest(ProcessReason.Install)]
public sealed class SingleFileTests : IDisposable
{
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(5);
    private readonly string _root = Path.Combine(Path.GetTempPath(), "esmctl-single-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public void The_self_contained_single_file_plans_the_examples_without_dotnet()
    {
        Assert.True(OperatingSystem.IsLinux(), "the release is built for Linux");
        var rid = RuntimeInformation.OSArchitecture == Architecture.Arm64 ? "linux-arm64" : "linux-x64";
        var output = Path.Combine(_root, "publish");
        var project = Path.Combine(RepositoryPaths.Root, "src", "Esmctl", "Esmctl.csproj");
        // Its own artifacts path: the publish must neither rebuild nor clean the outputs the other test projects are
        // being built from and run out of (bin/ and obj/ of src/), nor rewrite src/Esmctl/obj's restore for a RID.
        var publish = Run("dotnet", ["publish", project, "-c", Configuration, "-r", rid, "--self-contained",
            "-p:PublishSingleFile=true", "-p:DebugType=none", "--artifacts-path", Path.Combine(_root, "artifacts"), "--disable-build-servers",
            "-o", output, "-nologo"], _root, inherit: true);
        Assert.True(publish.ExitCode == 0, publish.Output);
        var binary = Path.Combine(output, "esmctl");
        // One file: no esmctl.dll, no runtime beside it.
        Assert.Equal(["esmctl"], Directory.GetFiles(output).Select(f => Path.GetFileName(f)).ToArray());

        var work = Path.Combine(_root, "work");
        CopyDirectory(Path.Combine(RepositoryPaths.Root, "examples"), Path.Combine(work, "examples"));
        var emptyPath = Directory.CreateDirectory(Path.Combine(_root, "empty-path")).FullName;
        string[] plan = ["env", "-i", $"HOME={work}", $"PATH={emptyPath}", "NO_COLOR=1", binary, "plan", "examples/"];

        var dotnetHome = Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));
        var hidden = CanHide(dotnetHome);
        var result = hidden
            // The .NET installation becomes an empty directory for this process alone.
            ? Run("unshare", ["-m", "--propagation", "private", "sh", "-c", "mount --bind \"$1\" \"$2\" && shift 2 && exec \"$@\"",
                "sh", emptyPath, dotnetHome, .. plan], work, inherit: false)
            : Run(plan[0], plan[1..], work, inherit: false);

        Assert.True(result.ExitCode == 0, $"hidden .NET: {hidden}\n{result.Output}");
        Assert.Matches(@"Plan: \d+ to create, 0 to update, 0 to replace, 0 to delete\.", result.Output);
    }

    private static bool CanHide(string dotnetHome)
    {
        if (Environment.UserName != "root" || !File.Exists(Path.Combine(dotnetHome, "dotnet"))) return false;
        try
        {
            return Run("unshare", ["-m", "--propagation", "private", "true"], Path.GetTempPath(), inherit: false).ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false; // no unshare on this machine
        }
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private static (int ExitCode, string Output) Run(string file, IReadOnlyList<string> args, string directory, bool inherit)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = directory };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        if (inherit)
        {
            start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            start.Environment["DOTNET_NOLOGO"] = "1";
        }
        Directory.CreateDirectory(directory);
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
