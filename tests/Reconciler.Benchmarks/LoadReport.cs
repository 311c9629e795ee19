using Microsoft.Diagnostics.Tracing;
using Microsoft.Diagnostics.Tracing.Etlx;

namespace Reconciler.Benchmarks;

/// <summary><c>loads TRACE</c>: where Json.NET, System.Linq.Expressions and Reflection.Emit were first loaded (a trace with the
/// runtime's loader keyword), each with the stack that asked for it: what a valid folder should never pull in.</summary>
public static class LoadReport
{
    public static void Run(string file)
    {
        using var log = new TraceLog(TraceLog.CreateFromEventPipeDataFile(file));
        foreach (var e in log.Events)
        {
            if (!e.EventName.Contains("AssemblyLoadStart") && !e.EventName.Contains("Loader/AssemblyLoad")) continue;
            var name = e.PayloadStringByName("AssemblyName") ?? e.PayloadStringByName("FullyQualifiedAssemblyName") ?? "";
            if (!name.Contains("Newtonsoft") && !name.Contains("Expressions") && !name.Contains("Emit")) continue;
            Console.WriteLine(e.EventName + " " + name);
            var n = 0;
            for (var s = e.CallStack(); s is not null && n < 25; s = s.Caller, n++) Console.WriteLine("   " + s.CodeAddress.FullMethodName);
        }
    }
}
