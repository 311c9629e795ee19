using Reconciler.Core.Api;
using Reconciler.Core.Model;

namespace Esmctl.Tests.Reliability;

/// <summary>
/// The control plane behind the HTTP emulator, with a trip wire on mutating calls: when <see cref="Arm"/>'s
/// predicate accepts the n-th mutating call (before it commits, or after), the action runs, in the request, so a
/// test can SIGKILL esmctl at an exact point of its apply (e.g. after the delete of a replacement, before its create)
/// without sleeping or polling. Fires at most once per arming.
/// </summary>
internal sealed class TrippedApi(ILambdaMappingApi inner) : ILambdaMappingApi
{
    public sealed record Call(int Number, string Operation, bool Committed);

    private readonly object _gate = new();
    private int _mutating;
    private Func<Call, bool>? _trip;
    private Action? _action;
    private int _inFlight;
    private TaskCompletionSource _idle = Idle();

    public int MutatingCalls => Volatile.Read(ref _mutating);

    /// <summary>Arms the wire; Number counts mutating calls from this arming (1 = the first).</summary>
    public void Arm(Func<Call, bool> trip, Action action)
    {
        lock (_gate)
        {
            _mutating = 0;
            _trip = trip;
            _action = action;
        }
    }

    public void Disarm()
    {
        lock (_gate) _trip = null;
    }

    public Task<MappingPage> ListAsync(ListMappingsQuery query, CancellationToken ct) => inner.ListAsync(query, ct);

    public Task<LiveMapping> GetAsync(string uuid, CancellationToken ct) => inner.GetAsync(uuid, ct);

    public Task<IReadOnlyDictionary<string, string>> ListTagsAsync(string resourceArn, CancellationToken ct) => inner.ListTagsAsync(resourceArn, ct);

    public Task<LiveMapping> CreateAsync(MappingConfiguration request, CancellationToken ct) =>
        MutateAsync("Create", () => inner.CreateAsync(request, ct));

    public Task<LiveMapping> UpdateAsync(string uuid, MappingConfiguration changes, CancellationToken ct) =>
        MutateAsync("Update", () => inner.UpdateAsync(uuid, changes, ct));

    public Task<LiveMapping> DeleteAsync(string uuid, CancellationToken ct) =>
        MutateAsync("Delete", () => inner.DeleteAsync(uuid, ct));

    public Task TagAsync(string resourceArn, IReadOnlyDictionary<string, string> tags, CancellationToken ct) =>
        MutateAsync("Tag", async () => { await inner.TagAsync(resourceArn, tags, ct); return true; });

    public Task UntagAsync(string resourceArn, IReadOnlyCollection<string> tagKeys, CancellationToken ct) =>
        MutateAsync("Untag", async () => { await inner.UntagAsync(resourceArn, tagKeys, ct); return true; });

    /// <summary>
    /// Completes when no mutating call is in progress. A killed esmctl leaves the calls it had sent running in the
    /// server (they commit without it); a test waits for them before it judges or runs anything else, or a late
    /// commit would land after the verdict's read.
    /// </summary>
    public Task WhenIdleAsync()
    {
        lock (_gate) return _inFlight == 0 ? Task.CompletedTask : _idle.Task;
    }

    private async Task<T> MutateAsync<T>(string operation, Func<Task<T>> call)
    {
        lock (_gate)
        {
            if (_inFlight++ == 0) _idle = Idle();
        }
        try
        {
            var number = Interlocked.Increment(ref _mutating);
            Fire(new Call(number, operation, Committed: false));
            try
            {
                return await call();
            }
            finally
            {
                Fire(new Call(number, operation, Committed: true));
            }
        }
        finally
        {
            TaskCompletionSource? idle = null;
            lock (_gate)
            {
                if (--_inFlight == 0) idle = _idle;
            }
            idle?.TrySetResult();
        }
    }

    private static TaskCompletionSource Idle() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private void Fire(Call call)
    {
        Action? action = null;
        lock (_gate)
        {
            if (_trip is { } trip && trip(call))
            {
                action = _action;
                _trip = null;
            }
        }
        action?.Invoke();
    }
}
