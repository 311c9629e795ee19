using Reconciler.Emulator.ControlPlane;

namespace Reconciler.Emulator.Persistence;

/// <summary>
/// State in a file: each operation loads the file, and a mutating one saves it afterwards, holding the cross-process
/// lock from before the load to after the save so no write is lost. Reads take no lock: saves replace the file
/// atomically, so a read sees one whole state, and a read never creates the file or its folder.
/// </summary>
internal sealed class FileStoreHost(string path, StateFileLockOptions lockOptions, TimeProvider time) : IMappingStoreHost
{
    public async Task<TResult> RunAsync<TResult>(bool mutating, Func<MappingStore, TResult> operation, CancellationToken cancellationToken)
    {
        if (!mutating) return operation(LocalStateFile.Load(path));
        using (await StateFileLock.AcquireAsync(path, lockOptions, time, cancellationToken).ConfigureAwait(false))
        {
            var store = LocalStateFile.Load(path);
            var result = operation(store);
            LocalStateFile.Save(path, store);
            return result;
        }
    }
}
