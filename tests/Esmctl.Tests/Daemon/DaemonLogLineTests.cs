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
                Diagnostic.Error(new SourceLocation("manifests/gone", 1, 1), "", "no such file or directory"),
            ],
        });
        await loop.NextWaitAsync();
        Assert.Contains("[local] Invalid manifests, nothing applied: manifests/orders.yaml:7:3: error: spec.batchSize: must be at most 10000", logs.Lines);
        Assert.Contains("[local] Invalid manifests, nothing applied: manifests/gone:1:1: error: no such file or directory", logs.Lines);
        Assert.DoesNotContain(logs.Lines, l => l.Contains(": :", StringComparison.Ordinal));
    }
}
