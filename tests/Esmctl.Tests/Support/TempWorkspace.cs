using Reconciler.Testing;

namespace Esmctl.Tests.Support;

/// <summary>A throw-away folder with a copy of examples/ under manifests/, for tests that edit manifests and
/// keep local-target state in .esmctl/.</summary>
public sealed class TempWorkspace : IDisposable
{
    public TempWorkspace()
    {
        Root = Path.Combine(Path.GetTempPath(), "esmctl-test-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Manifests);
        foreach (var file in Directory.GetFiles(RepositoryPaths.Examples, "*.yaml"))
            File.Copy(file, Path.Combine(Manifests, Path.GetFileName(file)));
    }

    public string Root { get; }

    public string Manifests => Path.Combine(Root, "manifests");

    public string StateFile => Path.Combine(Root, ".esmctl", "local-state.json");

    public string Manifest(string fileName) => Path.Combine(Manifests, fileName);

    /// <summary>A path inside the workspace.</summary>
    public string In(string relative) => Path.Combine(Root, relative);

    /// <summary>esmctl in process (<see cref="InProcessEsmctl"/>); plan, apply and export without a --target use
    /// this workspace's local state file, the one the binary would use with this folder as its working directory.</summary>
    public EsmctlProcess.Result Run(params string[] args) => Run(InProcessEsmctl.Default, args);

    public EsmctlProcess.Result Run(InProcessEsmctl esmctl, params string[] args) => esmctl.Run(WithLocalState(args));

    public Task<EsmctlProcess.Result> RunAsync(InProcessEsmctl esmctl, params string[] args) => esmctl.RunAsync(WithLocalState(args));

    /// <summary>The arguments, plus --target local:STATEFILE for a command that opens a target and names none.</summary>
    public string[] WithLocalState(string[] args) =>
        args.Length > 0 && args[0] is "plan" or "apply" or "export" && !args.Contains("--target")
            ? [.. args, "--target", $"local:{StateFile}"]
            : args;

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { }
    }
}
