using BenchmarkDotNet.Attributes;
using Reconciler.Core.Live;
using Reconciler.Core.Manifests;
using Reconciler.Core.Planning;

namespace Reconciler.Benchmarks;

/// <summary>
/// Planner CPU time and allocations. Steady: every manifest has its live mapping (1 % need an update), the daemon's
/// usual tick. Turnover: no manifest matches any live mapping and every live mapping is owned under another name,
/// the worst case for pairing by name (N creates plus N deletes).
/// </summary>
[MemoryDiagnoser]
public class PlannerBenchmarks
{
    private List<DesiredMapping> _desired = [];
    private List<DesiredMapping> _renamed = [];
    private LiveState _live = LiveState.Empty;
    private readonly PlanOptions _options = PlanOptions.Default with { Prune = true };

    [Params(10_000, 100_000)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _desired = Generated.Desired(N);
        _renamed = Generated.Desired(N, prefix: "other-");
        _live = Generated.Live(N);

        // Measure the plan meant, not an accident of the generator.
        var steady = Steady().Summary;
        var turnover = Turnover().Summary;
        if (steady.Update != N / 100 || steady.Noop != N - (N / 100) || turnover.Create != N || turnover.Delete != N)
            throw new InvalidOperationException($"unexpected plans: steady {steady}, turnover {turnover}");
    }

    [Benchmark]
    public Plan Steady() => Planner.Plan(_desired, _live, _options);

    [Benchmark]
    public Plan Turnover() => Planner.Plan(_renamed, _live, _options);
}
