using BenchmarkDotNet.Attributes;
using Reconciler.Core.Manifests;

namespace Reconciler.Benchmarks;

/// <summary>
/// ManifestLoader end to end from disk: read, parse, schema and semantic validation, rules across documents, convert.
/// N manifests (1,000 and 10,000, to show the growth) in files of 100 documents each (a repository's usual layout of one file per team or service).
/// </summary>
[MemoryDiagnoser]
public class ManifestLoaderBenchmarks
{
    private const int DocumentsPerFile = 100;
    private string _directory = "";

    [Params(1_000, 10_000)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _directory = Directory.CreateTempSubdirectory("esmctl-bench-").FullName;
        for (var file = 0; file * DocumentsPerFile < N; file++)
        {
            var documents = Enumerable.Range(file * DocumentsPerFile, Math.Min(DocumentsPerFile, N - (file * DocumentsPerFile)))
                .Select(Generated.Yaml);
            File.WriteAllText(Path.Combine(_directory, $"mappings-{file:D4}.yaml"), string.Join("---\n", documents));
        }

        var check = ManifestLoader.Load([_directory]);
        if (check.Mappings.Count != N)
            throw new InvalidOperationException($"generated manifests do not load: {string.Join("; ", check.Diagnostics.Take(3))}");
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_directory, recursive: true);

    [Benchmark]
    public ManifestSet Load() => ManifestLoader.Load([_directory]);
}
