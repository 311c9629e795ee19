using BenchmarkDotNet.Attributes;
using Reconciler.Core.Live;
using Reconciler.Core.Manifests;
using Reconciler.Core.Planning;

namespace Reconciler.Benchmarks;

/// <summary>
/// What a plan costs esmctl itself, end to end but for the API: load N manifests from disk (read, parse, schema and
/// semantic validation, rules across documents), then plan them against N live mappings (every manifest has its
/// mapping, 1 % need an update). 1,000 / 10,000 / 100,000 show the growth.
/// </summary>
[MemoryDiagnoser]
public class PipelineBenchmarks
{
    private ManifestDirectory? _directory;
    private LiveState _live = LiveState.Empty;
    private readonly PlanOptions _options = PlanOptions.Default with { Prune = true };

    [Params(1_000, 10_000, 100_000)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _directory = new ManifestDirectory(N);
        _live = Generated.Live(N);
        var summary = LoadAndPlan().Summary;
        if (summary.Update != N / 100 || summary.Noop != N - (N / 100))
            throw new InvalidOperationException($"unexpected plan: {summary}");
    }

    [GlobalCleanup]
    public void Cleanup() => _directory?.Dispose();

    [Benchmark]
    public Plan LoadAndPlan() => Run(_directory!.Path, _live, _options);

    public static Plan Run(string directory, LiveState live, PlanOptions options)
    {
        var set = ManifestLoader.Load([directory]);
        if (set.HasErrors) throw new InvalidOperationException($"generated manifests do not load: {string.Join("; ", set.Diagnostics.Take(3))}");
        return Planner.Plan(set.Mappings, live, options);
    }
}
