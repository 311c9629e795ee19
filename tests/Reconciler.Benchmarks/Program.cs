using System.Diagnostics;
using BenchmarkDotNet.Running;
using Reconciler.Core.Planning;

namespace Reconciler.Benchmarks;

/// <summary>
/// dotnet run -c Release --project tests/Reconciler.Benchmarks -- --job short --filter '*Planner*'
/// (any BenchmarkDotNet arguments; see docs/benchmarks.md for the runs recorded there).
/// <para>
/// <c>once N [ROUNDS]</c> runs <see cref="PipelineBenchmarks"/>' load + plan of N manifests ROUNDS times (default 1) in
/// this process, without BenchmarkDotNet, and prints the process's CPU time and bytes allocated by the rounds: a
/// target for a profiler (dotnet-trace, valgrind --tool=callgrind) and for whole-process timing.
/// </para>
/// </summary>
public static class Program
{
    public static void Main(string[] args)
    {
        if (args is ["stages", var s]) { Stages.Run(int.Parse(s, System.Globalization.CultureInfo.InvariantCulture)); return; }
        if (args is ["allocations", var f, var k]) { AllocationReport.Run(f, int.Parse(k, System.Globalization.CultureInfo.InvariantCulture)); return; }
        if (args is ["loads", var lf]) { LoadReport.Run(lf); return; }
        if (args is ["cpu", var cf, .. var cpuRest]) { CpuReport.Run(cf, cpuRest is [var only] ? only : null); return; }
        if (args is ["jits", var jf]) { JitReport.Run(jf); return; }
        if (args is ["tick", var t, .. var tickRest])
        {
            Tick(int.Parse(t, System.Globalization.CultureInfo.InvariantCulture),
                tickRest is [var tickRounds] ? int.Parse(tickRounds, System.Globalization.CultureInfo.InvariantCulture) : 10);
            return;
        }
        if (args is ["probe", var pf]) { StartupProbe.Run(pf); return; }
        if (args is ["once", var n, .. var rest])
        {
            Once(int.Parse(n, System.Globalization.CultureInfo.InvariantCulture),
                rest is [var rounds] ? int.Parse(rounds, System.Globalization.CultureInfo.InvariantCulture) : 1);
            return;
        }
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }

    /// <summary><c>tick N [ROUNDS]</c>: <see cref="QuietTickBenchmarks"/>' tick, after a first load that fills the cache.</summary>
    private static void Tick(int n, int rounds)
    {
        using var directory = new ManifestDirectory(n);
        var live = Generated.Live(n, drift: false);
        var options = PlanOptions.Default with { Prune = true };
        var cache = new Reconciler.Core.Manifests.ManifestCache(TimeProvider.System);
        var first = QuietTickBenchmarks.Run(cache, directory.Path, live, options);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var parsed = 0;
        for (var i = 0; i < rounds; i++)
        {
            QuietTickBenchmarks.Run(cache, directory.Path, live, options);
            parsed += cache.FilesParsed;
        }
        allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        Console.WriteLine($"N={n} quiet ticks={rounds} plan: {first.Summary}; files parsed after the first: {parsed}; CPU {cpu.TotalMilliseconds / rounds:F0} ms per tick (all threads), allocated {allocated / rounds / 1048576.0:F1} MB per tick");
    }

    private static void Once(int n, int rounds)
    {
        using var directory = new ManifestDirectory(n);
        var live = Generated.Live(n);
        var options = PlanOptions.Default with { Prune = true };
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        Plan? plan = null;
        for (var i = 0; i < rounds; i++) plan = PipelineBenchmarks.Run(directory.Path, live, options);
        allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        Console.WriteLine($"N={n} rounds={rounds} plan: {plan!.Summary}; CPU {cpu.TotalMilliseconds / rounds:F0} ms per round (all threads), allocated {allocated / rounds / 1048576.0:F1} MB per round");
    }
}
