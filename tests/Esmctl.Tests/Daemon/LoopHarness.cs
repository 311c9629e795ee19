using Esmctl.Daemon;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Esmctl.Tests.Daemon;

/// <summary>A ReconcileLoop wired to a manual clock, a scripted tick and a manual watcher.</summary>
internal sealed class LoopHarness : IAsyncDisposable
{
    private DateTimeOffset _pendingDueAt = DateTimeOffset.MaxValue;

    public LoopHarness(DaemonOptions? options = null, double jitter = 0, Microsoft.Extensions.Logging.ILogger<ReconcileLoop>? logger = null)
    {
        Options = options ?? new DaemonOptions { Paths = ["manifests"] };
        Backoff = new MappingBackoff(Options.BackoffBase, Options.MaxBackoff);
        Status = new DaemonStatus(Time);
        Loop = new ReconcileLoop(Tick, Microsoft.Extensions.Options.Options.Create(Options), Time, () => jitter, Watcher, Backoff, Status, Metrics,
            logger ?? NullLogger<ReconcileLoop>.Instance);
    }

    public DaemonOptions Options { get; }
    public SignallingTimeProvider Time { get; } = new();
    public ScriptedTick Tick { get; } = new();
    public ManualWatcher Watcher { get; } = new();
    public MappingBackoff Backoff { get; }
    public DaemonStatus Status { get; }
    public DaemonMetrics Metrics { get; } = new();
    public ReconcileLoop Loop { get; }

    public DateTimeOffset Now => Time.GetUtcNow();

    public Task StartAsync() => Loop.StartAsync(CancellationToken.None);

    /// <summary>Waits for the loop to park in a wait and returns how long it will wait.</summary>
    public async Task<TimeSpan> NextWaitAsync()
    {
        var due = await Time.NextTimerAsync();
        _pendingDueAt = Now + due;
        return due;
    }

    /// <summary>Moves the clock to <paramref name="target"/>, answering every tick on the way with <paramref name="answer"/>.</summary>
    public async Task RunUntilAsync(DateTimeOffset target, Func<TickCall, TickOutcome> answer)
    {
        while (_pendingDueAt <= target)
        {
            Time.Advance(_pendingDueAt - Now);
            var call = await Tick.NextCallAsync();
            call.Complete(answer(call));
            await NextWaitAsync();
        }
        if (target > Now) Time.Advance(target - Now);
    }

    public async ValueTask DisposeAsync()
    {
        // Stop without waiting on the manual clock: answer whatever tick is pending or about to start.
        Tick.AnswerAllWith(new TickOutcome(TickResult.Succeeded));
        await Loop.StopAsync(CancellationToken.None).WaitAsync(TestTimeouts.Wait);
        Loop.Dispose();
    }
}
