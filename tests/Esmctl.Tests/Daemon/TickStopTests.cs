using Esmctl.Daemon;
using Reconciler.Core.Api;
using Reconciler.Core.Model;
using Reconciler.Core.Planning;

namespace Esmctl.Tests.Daemon;

/// <summary>
/// SIGTERM during a tick's apply (the loop cancels <see cref="TickContext.Stopping"/>): the creates already sent finish
/// and are recorded, no further action starts, and the tick still ends as a tick (the daemon then exits 0).
/// </summary>
public sealed class TickStopTests
{
    [Fact]
    public async Task On_stop_the_actions_in_flight_finish_and_no_new_one_starts()
    {
        using var harness = new TickHarness(mappings: 6);
        harness.NewTick(observeOnly: false);
        var gate = new CreateGate(harness.ControlPlane);
        harness.Api.Inner = gate;
        using var stop = new CancellationTokenSource();
        var context = new TickContext(1, TickReason.Startup, harness.Time.GetUtcNow(), new DaemonOptions { Paths = [harness.Folder] },
            RefreshTags: true, harness.Backoff, stop.Token);

        var tick = harness.Tick.RunAsync(context, CancellationToken.None);
        await gate.InFlight(4).WaitAsync(TestTimeouts.Wait); // the applier works on four mappings at a time
        await stop.CancelAsync();
        gate.Release();
        var outcome = await tick.WaitAsync(TestTimeouts.Wait);

        Assert.Equal(TickResult.Succeeded, outcome.Result);
        Assert.Equal(4, gate.Sent);
        Assert.Contains(new ActionCount(PlanActionKind.Create, ActionResult.Succeeded, 4), outcome.Actions);
        Assert.Contains(new ActionCount(PlanActionKind.Create, ActionResult.Skipped, 2), outcome.Actions);
        Assert.Equal(4, outcome.Settled.Count);
        var live = await harness.ControlPlane.ListAsync(new ListMappingsQuery(), CancellationToken.None);
        Assert.Equal(4, live.Mappings.Count);
    }

    /// <summary>Holds every create until released, counting them.</summary>
    private sealed class CreateGate(ILambdaMappingApi inner) : ILambdaMappingApi
    {
        private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly object _lock = new();
        private readonly List<(int Count, TaskCompletionSource Reached)> _waiters = [];
        private int _sent;

        public int Sent => Volatile.Read(ref _sent);

        public Task InFlight(int count)
        {
            lock (_lock)
            {
                if (_sent >= count) return Task.CompletedTask;
                var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                _waiters.Add((count, reached));
                return reached.Task;
            }
        }

        public void Release() => _release.TrySetResult();

        public async Task<LiveMapping> CreateAsync(MappingConfiguration request, CancellationToken cancellationToken)
        {
            lock (_lock)
            {
                _sent++;
                foreach (var waiter in _waiters.Where(w => w.Count <= _sent)) waiter.Reached.TrySetResult();
            }
            // A call already sent completes whatever happens to the daemon (the token is the abort, not the stop).
            await _release.Task;
            return await inner.CreateAsync(request, CancellationToken.None);
        }

        public Task<MappingPage> ListAsync(ListMappingsQuery query, CancellationToken cancellationToken) => inner.ListAsync(query, cancellationToken);
        public Task<LiveMapping> GetAsync(string uuid, CancellationToken cancellationToken) => inner.GetAsync(uuid, cancellationToken);
        public Task<LiveMapping> UpdateAsync(string uuid, MappingConfiguration changes, CancellationToken cancellationToken) => inner.UpdateAsync(uuid, changes, cancellationToken);
        public Task<LiveMapping> DeleteAsync(string uuid, CancellationToken cancellationToken) => inner.DeleteAsync(uuid, cancellationToken);
        public Task<IReadOnlyDictionary<string, string>> ListTagsAsync(string resourceArn, CancellationToken cancellationToken) => inner.ListTagsAsync(resourceArn, cancellationToken);
        public Task TagAsync(string resourceArn, IReadOnlyDictionary<string, string> tags, CancellationToken cancellationToken) => inner.TagAsync(resourceArn, tags, cancellationToken);
        public Task UntagAsync(string resourceArn, IReadOnlyCollection<string> tagKeys, CancellationToken cancellationToken) => inner.UntagAsync(resourceArn, tagKeys, cancellationToken);
    }
}
