using BenchmarkDotNet.Running;

namespace Reconciler.Benchmarks;

/// <summary>
/// dotnet run -c Release --project tests/Reconciler.Benchmarks -- --job short --filter '*Planner*'
/// (any BenchmarkDotNet arguments; see docs/benchmarks.md for the runs recorded there).
/// </summary>
public static class Program
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
