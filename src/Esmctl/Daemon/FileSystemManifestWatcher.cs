using Microsoft.Extensions.Logging;

namespace Esmctl.Daemon;

/// <summary>
/// Watches manifest paths with FileSystemWatcher. Besides the contents of each path it watches the path's own
/// entry in its parent folder, because git-sync publishes a new checkout by atomically swapping a symlink: the
/// old watch then sees a folder nobody writes to any more, so on a swap the content watch is re-armed.
/// Missing paths are not watched (the tick reports them); the interval tick is the safety net for anything a
/// watcher misses (network file systems, overflowed buffers).
/// </summary>
public sealed partial class FileSystemManifestWatcher(ILogger<FileSystemManifestWatcher> logger) : IManifestWatcher
{
    public IDisposable Watch(IReadOnlyList<string> paths, Action changed)
    {
        var watches = new List<PathWatch>();
        foreach (var path in paths)
        {
            try
            {
                watches.Add(new PathWatch(Path.GetFullPath(path), changed));
            }
            catch (Exception exception) when (exception is IOException or ArgumentException or UnauthorizedAccessException)
            {
                // e.g. the inotify watch limit: degrade to interval-only ticks rather than stop reconciling.
                CannotWatch(logger, exception, path);
            }
        }
        return new Watches(watches);
    }

    [LoggerMessage(20, LogLevel.Warning, "Cannot watch {Path} for changes; it is re-read on the interval only")]
    private static partial void CannotWatch(ILogger logger, Exception exception, string path);

    private sealed class Watches(List<PathWatch> watches) : IDisposable
    {
        public void Dispose()
        {
            foreach (var watch in watches) watch.Dispose();
        }
    }

    private sealed class PathWatch : IDisposable
    {
        private readonly object _gate = new();
        private readonly string _path;
        private readonly Action _changed;
        private readonly FileSystemWatcher? _entry;
        private FileSystemWatcher? _content;
        private bool _disposed;

        public PathWatch(string path, Action changed)
        {
            _path = path;
            _changed = changed;
            var parent = Path.GetDirectoryName(path.TrimEnd(Path.DirectorySeparatorChar));
            if (parent is not null && Directory.Exists(parent))
            {
                _entry = new FileSystemWatcher(parent, Path.GetFileName(path.TrimEnd(Path.DirectorySeparatorChar)))
                {
                    NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite,
                };
                _entry.Changed += (_, _) => OnEntryChanged();
                _entry.Created += (_, _) => OnEntryChanged();
                _entry.Deleted += (_, _) => OnEntryChanged();
                _entry.Renamed += (_, _) => OnEntryChanged();
                _entry.Error += (_, _) => _changed();
                _entry.EnableRaisingEvents = true;
            }
            Arm();
        }

        private void OnEntryChanged()
        {
            Arm();
            _changed();
        }

        private void Arm()
        {
            lock (_gate)
            {
                _content?.Dispose();
                _content = null;
                if (_disposed || !Directory.Exists(_path)) return;
                var content = new FileSystemWatcher(_path)
                {
                    IncludeSubdirectories = true,
                    NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
                };
                content.Filters.Add("*.yaml");
                content.Filters.Add("*.yml");
                content.Changed += (_, _) => _changed();
                content.Created += (_, _) => _changed();
                content.Deleted += (_, _) => _changed();
                content.Renamed += (_, _) => _changed();
                content.Error += (_, _) => _changed();
                content.EnableRaisingEvents = true;
                _content = content;
            }
        }

        public void Dispose()
        {
            lock (_gate)
            {
                _disposed = true;
                _content?.Dispose();
                _content = null;
            }
            _entry?.Dispose();
        }
    }
}
