namespace Reconciler.Core.Applying;

/// <summary>
/// The progress sink as the applier uses it: reporting is watching, never part of the work, so a sink that throws
/// (a closed terminal fails every write with EIO; a broken renderer) is not allowed to fail an action, least of all a
/// replacement between its delete and its create. After its first failure the sink is not called again.
/// </summary>
internal sealed class WatchedProgress(IProgress<ApplyEvent> sink) : IProgress<ApplyEvent>
{
    private int _failed;

    public void Report(ApplyEvent value)
    {
        if (Volatile.Read(ref _failed) != 0) return;
        try
        {
            sink.Report(value);
        }
        catch (Exception)
        {
            // Whatever the sink throws, the apply goes on; the report at the end still says what was done.
            Interlocked.Exchange(ref _failed, 1);
        }
    }
}
