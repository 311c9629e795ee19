using Microsoft.Diagnostics.Tracing;
using Microsoft.Diagnostics.Tracing.Etlx;

namespace Reconciler.Benchmarks;

/// <summary><c>jits TRACE</c>: methods the JIT compiled (a trace with the runtime's JIT keyword), counted by namespace.</summary>
public static class JitReport
{
    public static void Run(string file)
    {
        using var log = new TraceLog(TraceLog.CreateFromEventPipeDataFile(file));
        var counts = new Dictionary<string, int>();
        foreach (var e in log.Events)
        {
            if (e.EventName != "Method/JittingStarted") continue;
            var ns = e.PayloadStringByName("MethodNamespace") ?? "?";
            var cut = ns.IndexOf('.', ns.IndexOf('.') + 1);
            var key = Environment.GetEnvironmentVariable("JITS_BY_TYPE") is { } prefix && ns.StartsWith(prefix, StringComparison.Ordinal) ? ns : cut > 0 ? ns[..cut] : ns;
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }
        foreach (var (k, v) in counts.OrderByDescending(p => p.Value).Take(40)) Console.WriteLine($"{v,6}  {k}");
        Console.WriteLine($"{counts.Values.Sum(),6}  total");
    }
}
