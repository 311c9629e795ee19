namespace Reconciler.Emulator.ControlPlane;

/// <summary>
/// Where a control plane's state lives and how access to it is serialised: in memory behind a lock, or in a file
/// behind a cross-process lock. The one seam between the behaviour (<see cref="EmulatedControlPlane"/>) and storage.
/// </summary>
internal interface IMappingStoreHost
{
    /// <summary>Runs <paramref name="operation"/> against the current state; when <paramref name="mutating"/> and it
    /// returns normally, its changes are kept. An exception leaves the stored state as it was.</summary>
    Task<TResult> RunAsync<TResult>(bool mutating, Func<MappingStore, TResult> operation, CancellationToken cancellationToken);
}
