namespace Esmctl.Daemon;

/// <summary>Tells the loop that manifest files changed. A seam over the file system so tests trigger changes directly.</summary>
public interface IManifestWatcher
{
    /// <summary>Starts watching; <paramref name="changed"/> may be called on any thread, many times per edit.
    /// Dispose the result to stop.</summary>
    IDisposable Watch(IReadOnlyList<string> paths, Action changed);
}
