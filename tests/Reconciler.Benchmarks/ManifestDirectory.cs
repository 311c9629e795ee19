namespace Reconciler.Benchmarks;

/// <summary>N generated manifests on disk in files of 100 documents each (a repository's usual layout of one file per
/// team or service), in a temporary directory deleted on dispose.</summary>
public sealed class ManifestDirectory : IDisposable
{
    public const int DocumentsPerFile = 100;

    public ManifestDirectory(int n)
    {
        Path = Directory.CreateTempSubdirectory("esmctl-bench-").FullName;
        for (var file = 0; file * DocumentsPerFile < n; file++)
        {
            var documents = Enumerable.Range(file * DocumentsPerFile, Math.Min(DocumentsPerFile, n - (file * DocumentsPerFile)))
                .Select(Generated.Yaml);
            File.WriteAllText(System.IO.Path.Combine(Path, $"mappings-{file:D4}.yaml"), string.Join("---\n", documents));
        }
    }

    public string Path { get; }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
