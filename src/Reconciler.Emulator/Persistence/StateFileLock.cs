namespace Reconciler.Emulator.Persistence;

/// <summary>
/// The cross-process write lock: a lock file beside the state file, held open with FileShare.None (an exclusive
/// flock on Unix, a share-mode lock on Windows). Another process, or another instance in this one, trying to write
/// waits by retrying, with waits measured on the injected clock, and gives up with a clear error when the bound
/// passes. The lock file is left in place: deleting it on release would let two writers lock two different files.
/// </summary>
internal static class StateFileLock
{
    public static async Task<IDisposable> AcquireAsync(
        string statePath, StateFileLockOptions options, TimeProvider time, CancellationToken cancellationToken)
    {
        var lockPath = statePath + ".lock";
        var directory = Path.GetDirectoryName(Path.GetFullPath(lockPath))!;
        try
        {
            Directory.CreateDirectory(directory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new LocalStateException($"Cannot create the folder {directory} for the local state: {e.Message}", e);
        }

        var deadline = time.GetUtcNow() + options.Timeout;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                return new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException e) when (e is not (DirectoryNotFoundException or PathTooLongException))
            {
                if (time.GetUtcNow() >= deadline)
                {
                    throw new LocalStateException(
                        $"Another esmctl is writing the local state {statePath} (its lock file {lockPath} has been held for more " +
                        $"than {options.Timeout.TotalSeconds:0.###} s). Wait for it to finish and try again.", e);
                }
                await Task.Delay(options.RetryInterval, time, cancellationToken).ConfigureAwait(false);
            }
            catch (UnauthorizedAccessException e)
            {
                throw new LocalStateException($"Cannot open the lock file {lockPath}: {e.Message}", e);
            }
        }
    }
}
