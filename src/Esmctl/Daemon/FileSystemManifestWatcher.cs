using Microsoft.Extensions.Logging;

namespace Esmctl.Daemon;

/// <summary>
/// Watches manifest paths with FileSystemWatcher: the contents of each path (recursively, *.yaml and *.yml), and
/// the entries that can replace it wholesale: the path itself, every symlink on the way to it, and, while the
/// path does not exist yet, the nearest folder that does. git-sync publishes a commit by atomically swapping a
/// symlink, after which a content watch sees a folder nobody writes to any more; so any entry change re-arms
/// every watch of that path. The interval tick is the safety net for what a watcher misses (network file
/// systems, overflowed buffers, a path that cannot be watched).
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
        private readonly List<FileSystemWatcher> _watchers = [];
        private bool _disposed;

        public PathWatch(string path, Action changed)
        {
            _path = Path.TrimEndingDirectorySeparator(path);
            _changed = changed;
            Arm();
        }

        private void OnEntryChanged()
        {
            try
            {
                Arm();
            }
            catch (Exception exception) when (exception is IOException or ArgumentException or UnauthorizedAccessException)
            {
                // The new layout cannot be watched (yet); the change itself is still reported, the interval does the rest.
            }
            _changed();
        }

        private void Arm()
        {
            lock (_gate)
            {
                foreach (var watcher in _watchers) watcher.Dispose();
                _watchers.Clear();
                if (_disposed) return;
                foreach (var (folder, name) in Entries(_path))
                {
                    var entry = new FileSystemWatcher(folder, name)
                    {
                        NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite,
                    };
                    entry.Changed += (_, _) => OnEntryChanged();
                    entry.Created += (_, _) => OnEntryChanged();
                    entry.Deleted += (_, _) => OnEntryChanged();
                    entry.Renamed += (_, _) => OnEntryChanged();
                    entry.Error += (_, _) => OnEntryChanged();
                    entry.EnableRaisingEvents = true;
                    _watchers.Add(entry);
                }
                if (Directory.Exists(_path))
                {
                    var content = new FileSystemWatcher(_path)
                    {
                        IncludeSubdirectories = true,
                        NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
                    };
                    // No name filter: a new folder counts too. A manifest written into a folder created a moment
                    // before can land before the watch on that folder exists, so the folder's own event is the
                    // only reliable signal (the tick re-reads everything anyway).
                    content.Changed += (_, e) => OnContentChanged(e.FullPath);
                    content.Created += (_, e) => OnContentChanged(e.FullPath);
                    content.Deleted += (_, e) => OnContentChanged(e.FullPath);
                    content.Renamed += (_, e) => OnContentChanged(e.FullPath);
                    content.Error += (_, _) => _changed();
                    content.EnableRaisingEvents = true;
                    _watchers.Add(content);
                }
            }
        }

        private void OnContentChanged(string path)
        {
            var extension = Path.GetExtension(path);
            var manifest = extension.Equals(".yaml", StringComparison.OrdinalIgnoreCase) || extension.Equals(".yml", StringComparison.OrdinalIgnoreCase);
            // A folder (created, renamed, or deleted: then it no longer exists and has no extension) may hold manifests.
            if (manifest || Directory.Exists(path) || extension.Length == 0) _changed();
        }

        /// <summary>(folder, name) pairs whose replacement changes what <paramref name="path"/> holds.</summary>
        private static IEnumerable<(string Folder, string Name)> Entries(string path)
        {
            var seen = new HashSet<(string, string)>();
            var exists = Path.Exists(path);
            for (var current = path; Path.GetDirectoryName(current) is { } parent; current = parent)
            {
                var name = Path.GetFileName(current);
                var parentExists = Directory.Exists(parent);
                var relevant = current == path || IsSymlink(current) || (!exists && parentExists);
                if (relevant && parentExists && seen.Add((parent, name))) yield return (parent, name);
                // Above the nearest existing folder of a missing path, only symlinks matter.
                if (!exists && parentExists) exists = true;
            }
        }

        private static bool IsSymlink(string path)
        {
            try
            {
                return new FileInfo(path).LinkTarget is not null;
            }
            catch (IOException)
            {
                return false;
            }
        }

        public void Dispose()
        {
            lock (_gate)
            {
                _disposed = true;
                foreach (var watcher in _watchers) watcher.Dispose();
                _watchers.Clear();
            }
        }
    }
}
