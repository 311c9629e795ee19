using System.Security.Cryptography;
using Reconciler.Core.Diagnostics;

namespace Reconciler.Core.Manifests;

/// <summary>
/// Loading manifests again and again (the daemon's ticks) without parsing what did not change. A file is known by its
/// path, size, modification time and the SHA-256 of its bytes: while the first three are unchanged and the watcher has
/// not named it (<see cref="Invalidate"/>), it is not even read; when they change it is read, and parsed only if its
/// bytes differ (a touch costs a read, not a parse). Rules across documents and the digest run over the whole set as
/// <see cref="ManifestLoader"/> does, except when no file changed at all: then the previous set is the answer.
/// <para>Only a file whose load found no diagnostic is kept: a finding may depend on the clock (a timestamp not yet in
/// the past) or be worth repeating, so such a file is loaded afresh every time. The answer is always what
/// <see cref="ManifestLoader.Load(IReadOnlyList{string}, TimeProvider)"/> would give for the same files.</para>
/// <para>A value the daemon holds across ticks; one load at a time (ticks never overlap), invalidations from any thread.</para>
/// </summary>
public sealed class ManifestCache(TimeProvider clock)
{
    private Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly HashSet<string> _invalidated = new(StringComparer.Ordinal);
    private readonly object _gate = new();
    private bool _invalidateAll;
    private (string[] Paths, string[] Files, ManifestSet Set)? _last;

    /// <summary>Files the last <see cref="Load"/> parsed (0 when nothing changed).</summary>
    public int FilesParsed { get; private set; }

    /// <summary>Files the last <see cref="Load"/> read from disk (changed size or time, named by the watcher, or new).</summary>
    public int FilesRead { get; private set; }

    /// <summary>The watcher saw this path change (a file, or a directory: everything below it). Its size and time are not
    /// trusted at the next load: a write within the file system's time resolution can leave both unchanged.</summary>
    public void Invalidate(string path)
    {
        lock (_gate) _invalidated.Add(Path.TrimEndingDirectorySeparator(Path.GetFullPath(path)));
    }

    /// <summary>Forget everything (the watcher lost events): the next load reads every file.</summary>
    public void InvalidateAll()
    {
        lock (_gate) _invalidateAll = true;
    }

    public ManifestSet Load(IReadOnlyList<string> paths)
    {
        HashSet<string> invalidated;
        bool all;
        lock (_gate)
        {
            invalidated = [.. _invalidated];
            all = _invalidateAll;
            _invalidated.Clear();
            _invalidateAll = false;
        }

        var diagnostics = new DiagnosticBag();
        var stats = new Dictionary<string, (long Length, DateTime Modified)>(StringComparer.Ordinal);
        var unchanged = new HashSet<string>(StringComparer.Ordinal);
        var files = ManifestFileReader.Read(paths, diagnostics, (path, info) =>
        {
            stats[path] = (info.Length, info.LastWriteTimeUtc);
            if (all || !_entries.TryGetValue(path, out var entry) || entry.Length != info.Length || entry.Modified != info.LastWriteTimeUtc
                || IsInvalidated(invalidated, info.FullName))
            {
                return null;
            }
            unchanged.Add(path);
            return entry.File;
        });
        var ordered = files.OrderBy(f => f.Path, StringComparer.Ordinal).ToList();

        FilesRead = ordered.Count - unchanged.Count;
        if (FilesRead == 0 && diagnostics.Items.Count == 0 && _last is { } last
            && last.Paths.SequenceEqual(paths) && last.Files.SequenceEqual(ordered.Select(f => f.Path)))
        {
            FilesParsed = 0;
            return last.Set;
        }

        var loads = new List<FileLoad>(ordered.Count);
        var kept = new Dictionary<string, Entry>(StringComparer.Ordinal);
        var parsed = 0;
        foreach (var file in ordered)
        {
            FileLoad load;
            byte[]? hash = null;
            if (_entries.TryGetValue(file.Path, out var entry)
                && (unchanged.Contains(file.Path) || entry.Hash.AsSpan().SequenceEqual(hash = SHA256.HashData(file.Content))))
            {
                load = entry.Load;
            }
            else
            {
                load = ManifestLoader.LoadFile(file, clock);
                parsed++;
            }
            loads.Add(load);
            if (load.Diagnostics.Count == 0 && stats.TryGetValue(file.Path, out var stat))
                kept[file.Path] = new Entry(file, stat.Length, stat.Modified, hash ?? entry?.Hash ?? SHA256.HashData(file.Content), load);
        }
        _entries = kept;
        FilesParsed = parsed;

        var set = ManifestLoader.Combine(ordered, loads, diagnostics, paths.Count > 0 ? paths[0] : "");
        // Reused next time only if every file is then unchanged, so every file was free of diagnostics: what is left
        // (rules across documents, what reading said) depends on nothing else.
        _last = ([.. paths], [.. ordered.Select(f => f.Path)], set);
        return set;
    }

    private static bool IsInvalidated(HashSet<string> invalidated, string fullPath)
    {
        if (invalidated.Count == 0) return false;
        for (var path = fullPath; !string.IsNullOrEmpty(path); path = Path.GetDirectoryName(path))
        {
            if (invalidated.Contains(path)) return true;
        }
        return false;
    }

    private sealed record Entry(ManifestFile File, long Length, DateTime Modified, byte[] Hash, FileLoad Load);
}
