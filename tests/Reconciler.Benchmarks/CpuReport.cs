using Microsoft.Diagnostics.Tracing.Etlx;

namespace Reconciler.Benchmarks;

/// <summary><c>cpu TRACE [FILTER]</c>: a dotnet-trace file recorded with the default (cpu-sampling) profile, its samples
/// of managed threads counted by the method they were in (exclusive) and by every method on their stack (inclusive),
/// only samples whose stack holds a method whose name contains FILTER when one is given.</summary>
public static class CpuReport
{
    public static void Run(string file, string? filter)
    {
        var etlx = TraceLog.CreateFromEventPipeDataFile(file);
        using var log = new TraceLog(etlx);
        var exclusive = new Dictionary<string, int>();
        var inclusive = new Dictionary<string, int>();
        var total = 0;
        foreach (var e in log.Events)
        {
            if (e.ProviderName != "Microsoft-DotNETCore-SampleProfiler" || e.EventName != "Thread/Sample") continue;
            var names = new List<string>();
            for (var s = e.CallStack(); s is not null; s = s.Caller)
            {
                var name = s.CodeAddress.FullMethodName;
                if (!string.IsNullOrEmpty(name)) names.Add(name.Length > 120 ? name[..120] : name);
            }
            if (names.Count == 0) continue;
            if (filter is not null && !names.Any(n => n.Contains(filter, StringComparison.Ordinal))) continue;
            // A thread waiting in the runtime is sampled too: count only samples in code of a managed method.
            total++;
            exclusive[names[0]] = exclusive.GetValueOrDefault(names[0]) + 1;
            foreach (var name in names.Distinct()) inclusive[name] = inclusive.GetValueOrDefault(name) + 1;
        }
        Console.WriteLine($"samples {total}");
        Console.WriteLine("exclusive:");
        foreach (var (k, v) in exclusive.OrderByDescending(p => p.Value).Take(45)) Console.WriteLine($"{100.0 * v / total,6:F1}%  {k}");
        Console.WriteLine("inclusive:");
        foreach (var (k, v) in inclusive.OrderByDescending(p => p.Value).Take(60)) Console.WriteLine($"{100.0 * v / total,6:F1}%  {k}");
    }
}
