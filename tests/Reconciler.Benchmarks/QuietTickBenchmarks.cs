using BenchmarkDotNet.Attributes;
using Reconciler.Core.Live;
using Reconciler.Core.Manifests;
using Reconciler.Core.Planning;

namespace Reconciler.Benchmarks;

/// <summary>
/// esmctl's own work in a daemon tick where no file changed and nothing drifted, at N mappings: the manifests through
/// the <see cref="ManifestCache"/> the daemon holds (a directory walk and a stat per file, no file read, no parse),
/// then the plan against live state (every mapping has its manifest, none differs). Reading live state (the List
/// pages) is the API's cost and is not in it.
/// </summary>
[MemoryDiagnoser]
public class QuietTickBenchmarks
{
    private ManifestDirectory? _directory;
    private ManifestCache _cache = new(TimeProvider.System);
    private LiveState _live = LiveState.Empty;
    private readonly PlanOptions _options = PlanOptions.Default with { Prune = true };

    [Params(10_000)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _directory = new ManifestDirectory(N);
        _live = Generated.Live(N, drift: false);
        _cache = new ManifestCache(TimeProvider.System);
        Tick(); // the first load fills the cache
        var plan = Tick();
        if (plan.Summary.Noop != N || _cache.FilesParsed != 0)
            throw new InvalidOperationException($"not a quiet tick: {plan.Summary}, {_cache.FilesParsed} files parsed");
    }

    [GlobalCleanup]
    public void Cleanup() => _directory?.Dispose();

    [Benchmark]
    public Plan Tick() => Run(_cache, _directory!.Path, _live, _options);

    public static Plan Run(ManifestCache cache, string directory, LiveState live, PlanOptions options)
    {
        var set = cache.Load([directory]);
        if (set.HasErrors) throw new InvalidOperationException($"generated manifests do not load: {string.Join("; ", set.Diagnostics.Take(3))}");
        return Planner.Plan(set.Mappings, live, options);
    }
}
