using Microsoft.Extensions.Hosting;

namespace Esmctl.Daemon;

/// <summary>
/// Every target's loop, started and stopped together by the host. The loops share nothing but the clock, the metrics
/// and one manifest watch: each has its own tick (session, rate cap, tag cache), backoff and status, so a target that
/// cannot be reached backs off alone while the others keep their interval.
/// </summary>
public sealed class DaemonLoops(IReadOnlyList<TargetLoop> loops) : IHostedService
{
    public IReadOnlyList<TargetLoop> Loops { get; } = loops;

    /// <summary>True when a loop ended with an exception (a bug): the process then exits 1.</summary>
    public bool AnyFaulted => Loops.Any(l => l.Loop.ExecuteTask is { IsFaulted: true });

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var loop in Loops) await loop.Loop.StartAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) =>
        Task.WhenAll(Loops.Select(l => l.Loop.StopAsync(cancellationToken)));

    public bool IsAlive(DateTimeOffset now) => Loops.All(l => l.Status.Current.IsAlive(now));

    public bool IsReady(DateTimeOffset now, TimeSpan interval) => Loops.All(l => l.Status.Current.IsReady(now, interval));
}
