using Microsoft.Extensions.Hosting;

namespace Esmctl.Daemon;

/// <summary>
/// Every target's loop, started and stopped together by the host. The loops share nothing but the clock, the metrics
/// and one manifest watch: each has its own tick (session, rate cap, tag cache), backoff and status, so a target that
/// cannot be reached backs off alone while the others keep their interval. A loop that dies (a bug: ticks' own errors are
/// caught) stops the whole process, as a lone BackgroundService would, so a supervisor restarts it instead of a daemon
/// living on with one target silently unreconciled.
/// </summary>
public sealed class DaemonLoops(IReadOnlyList<TargetLoop> loops, IHostApplicationLifetime? lifetime = null) : IHostedService
{
    public IReadOnlyList<TargetLoop> Loops { get; } = loops;

    /// <summary>True when a loop ended with an exception (a bug): the process then exits 1.</summary>
    public bool AnyFaulted => Loops.Any(l => l.Loop.ExecuteTask is { IsFaulted: true });

    /// <summary>Each loop that died and why, for the process's last words.</summary>
    public IEnumerable<string> Faults => Loops
        .Where(l => l.Loop.ExecuteTask is { IsFaulted: true })
        .Select(l => $"the reconcile loop{(l.Name is null ? "" : $" of target {l.Name}")} stopped: {l.Loop.ExecuteTask!.Exception!.GetBaseException().Message}");

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var loop in Loops)
        {
            await loop.Loop.StartAsync(cancellationToken);
            if (lifetime is not null && loop.Loop.ExecuteTask is { } running)
            {
                // Once the host has started (stopping it while it starts would throw out of its start instead).
                _ = running.ContinueWith(_ => lifetime.ApplicationStarted.Register(lifetime.StopApplication), CancellationToken.None,
                    TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) =>
        Task.WhenAll(Loops.Select(l => l.Loop.StopAsync(cancellationToken)));

    public bool IsAlive(DateTimeOffset now) => Loops.All(l => l.Status.Current.IsAlive(now));

    public bool IsReady(DateTimeOffset now, TimeSpan interval) => Loops.All(l => l.Status.Current.IsReady(now, interval));
}
