using Esmctl.Daemon;

namespace Esmctl.Tests.Daemon;

/// <summary>Stands in for the file system: the test says when manifests changed.</summary>
internal sealed class ManualWatcher : IManifestWatcher
{
    private Action? _changed;

    public IReadOnlyList<string> WatchedPaths { get; private set; } = [];

    public IDisposable Watch(IReadOnlyList<string> paths, Action changed)
    {
        WatchedPaths = paths;
        _changed = changed;
        return new Unsubscribe(this);
    }

    public void Change() => (_changed ?? throw new InvalidOperationException("not watching")).Invoke();

    private sealed class Unsubscribe(ManualWatcher owner) : IDisposable
    {
        public void Dispose() => owner._changed = null;
    }
}
