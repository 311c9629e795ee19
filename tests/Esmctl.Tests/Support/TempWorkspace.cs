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

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { }
    }
}
