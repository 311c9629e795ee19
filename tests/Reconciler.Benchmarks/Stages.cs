using System.Diagnostics;
using Reconciler.Core.Diagnostics;
using Reconciler.Core.Manifests;
using Reconciler.Core.Planning;
using Reconciler.Core.Validation;

namespace Reconciler.Benchmarks;

/// <summary><c>stages N</c>: bytes allocated and CPU per stage of loading and planning N manifests, twice (the second
/// round without first-call costs), to see where a change should go before measuring it with BenchmarkDotNet.</summary>
public static class Stages
{
    public static void Run(int n)
    {
        using var directory = new ManifestDirectory(n);
        for (var round = 0; round < 2; round++)
        {
            var diagnostics = new DiagnosticBag();
            var sw = Measure();
            var files = ManifestFileReader.Read([directory.Path], diagnostics);
            sw = Report("read", sw);
            var documents = files.SelectMany(f => ManifestParser.Parse(f.Path, f.Content, diagnostics)).ToList();
            sw = Report("parse", sw);
            var validator = SchemaValidator.Manifest;
            sw = Report("schema load", sw);
            foreach (var d in documents) validator.Validate(d, diagnostics, new RejectedFields());
            sw = Report("schema validate", sw);
            var mappings = documents.Select(d => SpecReader.Read(d, diagnostics)!).ToList();
            sw = Report("spec read", sw);
            foreach (var (m, d) in mappings.Zip(documents)) SemanticRules.Check(m, d.Locator, TimeProvider.System, diagnostics, new RejectedFields());
            sw = Report("semantic", sw);
            var live = Generated.Live(n);
            sw = Measure();
            var plan = Planner.Plan(mappings, live, PlanOptions.Default with { Prune = true });
            Report("plan", sw);
            Console.WriteLine($"diagnostics {diagnostics.Items.Count}, {plan.Summary}");
        }
    }

    private static (long Bytes, TimeSpan Cpu) Measure() => (GC.GetTotalAllocatedBytes(true), Process.GetCurrentProcess().TotalProcessorTime);

    private static (long, TimeSpan) Report(string stage, (long Bytes, TimeSpan Cpu) start)
    {
        var now = Measure();
        Console.WriteLine($"{stage,-16} {(now.Bytes - start.Bytes) / 1048576.0,8:F1} MB {(now.Cpu - start.Cpu).TotalMilliseconds,8:F0} ms");
        return Measure();
    }
}
