using Microsoft.Diagnostics.Tracing;
using Microsoft.Diagnostics.Tracing.Etlx;
using Microsoft.Diagnostics.Tracing.Parsers.Clr;

namespace Reconciler.Benchmarks;

/// <summary><c>allocations TRACE FRAMES</c>: a dotnet-trace file recorded with <c>--profile gc-verbose</c>, its sampled
/// allocations summed by type and by type and the first FRAMES frames of the stack that allocated them.</summary>
public static class AllocationReport
{
    public static void Run(string file, int frames)
    {
        var etlx = TraceLog.CreateFromEventPipeDataFile(file);
        using var log = new TraceLog(etlx);
        var byType = new Dictionary<string, long>();
        var byStack = new Dictionary<string, long>();
        long total = 0;
        foreach (var e in log.Events)
        {
            if (e is not GCAllocationTickTraceData tick) continue;
            var size = tick.AllocationAmount64;
            total += size;
            byType[tick.TypeName] = byType.GetValueOrDefault(tick.TypeName) + size;
            var stack = e.CallStack();
            var names = new List<string>();
            for (var s = stack; s is not null && names.Count < frames; s = s.Caller)
            {
                var name = s.CodeAddress.FullMethodName;
                if (string.IsNullOrEmpty(name)) continue;
                names.Add(name.Length > 90 ? name[..90] : name);
            }
            var key = tick.TypeName + " <- " + string.Join(" <- ", names);
            byStack[key] = byStack.GetValueOrDefault(key) + size;
        }
        Console.WriteLine($"total sampled {total / 1048576.0:F1} MB");
        foreach (var (k, v) in byType.OrderByDescending(p => p.Value).Take(40)) Console.WriteLine($"{v / 1048576.0,8:F1} MB  {k}");
        Console.WriteLine();
        foreach (var (k, v) in byStack.OrderByDescending(p => p.Value).Take(80)) Console.WriteLine($"{v / 1048576.0,8:F1} MB  {k}");
    }
}
