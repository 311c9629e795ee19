namespace Reconciler.Emulator.ControlPlane;

/// <summary>State in memory, one lock for every operation. Operations validate before they change anything, so a
/// rejected request leaves the store untouched without needing a copy.</summary>
internal sealed class InMemoryStoreHost : IMappingStoreHost
{
    private readonly object _gate = new();
    private readonly MappingStore _store = new();

    public Task<TResult> RunAsync<TResult>(bool mutating, Func<MappingStore, TResult> operation, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate) return Task.FromResult(operation(_store));
    }
}
