namespace Esmctl.Daemon;

/// <summary>One watch of the manifest paths shared by every target's loop: the first loop to watch starts it, each
/// change reaches every loop, the last to stop ends it. Twenty targets cost one set of file-system watches, not twenty.</summary>
public sealed class BroadcastWatcher(IManifestWatcher inner) : IManifestWatcher
{
    private readonly object _gate = new();
    private readonly List<Action> _listeners = [];
    private IDisposable? _watch;

    public IDisposable Watch(IReadOnlyList<string> paths, Action changed)
    {
        lock (_gate)
        {
            _listeners.Add(changed);
            _watch ??= inner.Watch(paths, Changed);
        }
        return new Subscription(this, changed);
    }

    private void Changed()
    {
        Action[] listeners;
        lock (_gate) listeners = [.. _listeners];
        foreach (var listener in listeners) listener();
    }

    private void Stop(Action changed)
    {
        IDisposable? ended = null;
        lock (_gate)
        {
            _listeners.Remove(changed);
            if (_listeners.Count == 0)
            {
                (ended, _watch) = (_watch, null);
            }
        }
        ended?.Dispose();
    }

    private sealed class Subscription(BroadcastWatcher owner, Action changed) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0) owner.Stop(changed);
        }
    }
}
