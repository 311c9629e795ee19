using Esmctl.Daemon;
using Microsoft.Extensions.Logging;
using Reconciler.Core.Diagnostics;

namespace Esmctl.Tests.Daemon;

/// <summary>What the daemon's log lines say about invalid input: a field when there is one, never an empty ": :".</summary>
public sealed class DaemonLogLineTests
{
    [Fact]
    public async Task Invalid_input_is_logged_with_its_field_and_a_missing_path_without_an_empty_one()
    {
        using var logs = new RecordingLoggerProvider();
        using var factory = LoggerFactory.Create(builder => builder.AddProvider(logs));
        await using var loop = new LoopHarness(logger: factory.CreateLogger<ReconcileLoop>());
        await loop.StartAsync();
        (await loop.Tick.NextCallAsync()).Complete(new TickOutcome(TickResult.InvalidInput)
        {
            Diagnostics =
            [
                Diagnostic.Error(new SourceLocation("manifests/orders.yaml", 7, 3), "spec.batchSize", "must be at most 10000"),
                Diagnostic.Error(SourceLocation.WholePath("manifests/gone"), "", "no such file or directory"),
                Diagnostic.Warning(new SourceLocation("manifests/empty.yaml", 1, 1), "", "file holds no YAML documents"),
            ],
        });
        await loop.NextWaitAsync();
        Assert.Contains("[local] Invalid manifests, nothing applied: manifests/orders.yaml:7:3: error: spec.batchSize: must be at most 10000", logs.Lines);
        // A missing path has no line and column to name.
        Assert.Contains("[local] Invalid manifests, nothing applied: manifests/gone: error: no such file or directory", logs.Lines);
        Assert.Contains("[local] Invalid manifests, nothing applied: manifests/empty.yaml:1:1: warning: file holds no YAML documents", logs.Lines);
        Assert.DoesNotContain(logs.Lines, l => l.Contains(": :", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_tick_whose_only_drift_is_an_orphan_or_a_conflict_does_not_say_0_drifted_alone()
    {
        // The lines after the summary name each orphan and conflict as drift (as /status lists them); the summary must
        // count them too, or "0 drifted" reads as converged right above "drifted: clicks (orphan)".
        using var logs = new RecordingLoggerProvider();
        using var factory = LoggerFactory.Create(builder => builder.AddProvider(logs));
        await using var loop = new LoopHarness(logger: factory.CreateLogger<ReconcileLoop>());
        await loop.StartAsync();
        (await loop.Tick.NextCallAsync()).Complete(new TickOutcome(TickResult.Succeeded)
        {
            ManagedMappings = 3,
            DriftedMappings = 0,
            Drift = [new DriftedMapping("clicks", "orphan", "u-1", []), new DriftedMapping("orders", "conflict", "u-2", [])],
        });
        await loop.NextWaitAsync();
        Assert.Contains(logs.Lines, l => l.Contains(": 3 managed, 0 drifted, 2 conflicts or orphans, 0 diagnostics", StringComparison.Ordinal));
        Assert.Contains(logs.Lines, l => l.EndsWith("drifted: clicks (orphan)", StringComparison.Ordinal));
    }
}
