using Reconciler.Core.Diagnostics;

namespace Reconciler.Core.Manifests;

/// <summary>
/// The filesystem edge of loading: expands path arguments into manifest files. A directory is searched
/// recursively for *.yaml and *.yml, in ordinal order; symlinked directories are followed once each, so a link
/// loop ends. Directories whose names start with '.' (.git, .github) are skipped: they hold tooling, not desired
/// state. A file named explicitly is read whatever its extension. A file reached twice is read once.
/// </summary>
public static class ManifestFileReader
{
    public static IReadOnlyList<ManifestFile> Read(IReadOnlyList<string> paths, DiagnosticBag diagnostics) =>
        Read(paths, diagnostics, static (_, _) => null);

    /// <param name="known">Asked for every file found, before it is read: a file it returns is taken as read (a cache
    /// that knows the file's size and modification time).</param>
    internal static IReadOnlyList<ManifestFile> Read(IReadOnlyList<string> paths, DiagnosticBag diagnostics, Func<string, FileInfo, ManifestFile?> known)
    {
        // A null FileInfo: a directory named like a manifest and holding none, read as an empty file (see Walk).
        var found = new SortedDictionary<string, FileInfo?>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            if (File.Exists(path))
            {
                found[path] = new FileInfo(path);
            }
            else if (Directory.Exists(path))
            {
                var before = found.Count;
                Walk(new DirectoryInfo(path), path, 0, new HashSet<string>(StringComparer.Ordinal), found, diagnostics);
                if (found.Count == before)
                    diagnostics.Warning(SourceLocation.WholePath(path), "", "directory holds no *.yaml or *.yml files");
                NestedTargetsFiles(path, found, diagnostics);
            }
            else
            {
                // An empty argument ("$MANIFESTS" unset in a script) would print as ": error: no such file".
                if (string.IsNullOrWhiteSpace(path))
                    diagnostics.Error(SourceLocation.WholePath("''"), "", "an empty path was given: name a manifest file or directory");
                else
                    diagnostics.Error(SourceLocation.WholePath(path), "", "no such file or directory");
            }
        }

        var files = new List<ManifestFile>();
        var read = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (path, info) in found)
        {
            if (info is null)
            {
                files.Add(new ManifestFile(path, []));
                continue;
            }
            if (!read.Add(info.FullName)) continue; // ./a.yaml and a.yaml: one file
            // What a link names: its own length is that of the path it holds, which would get a FIFO behind it opened.
            var file = FileLinks.Final(info);
            if (known(path, file) is { } same)
            {
                files.Add(same);
                continue;
            }
            try
            {
                if (file.Length > ParseLimits.MaxFileBytes)
                {
                    // Refused before reading, so an oversized file costs no memory.
                    diagnostics.Error(new SourceLocation(path, 1, 1), "",
                        $"file is {file.Length} bytes, over the {ParseLimits.MaxFileBytes}-byte limit for a manifest; split it into several files");
                    continue;
                }
                files.Add(new ManifestFile(path, ReadBounded(file)));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                diagnostics.Error(new SourceLocation(path, 1, 1), "", "cannot read file: " + e.Message);
            }
        }
        return files;
    }

    /// <summary>
    /// An esmctl.yaml lists the targets of the folder it is in only when that folder is the one path named (esmctl plan
    /// manifests); one further down (esmctl plan . with manifests/esmctl.yaml) is skipped as configuration and the command
    /// line's target is used instead, so say so and which folder to name.
    /// </summary>
    private static void NestedTargetsFiles(string named, SortedDictionary<string, FileInfo?> found, DiagnosticBag diagnostics)
    {
        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(named));
        foreach (var (shown, info) in found)
        {
            if (info is null || !string.Equals(info.Name, TargetsFileName, StringComparison.Ordinal)) continue;
            var folder = info.DirectoryName is { } directory ? Path.TrimEndingDirectorySeparator(directory) : root;
            if (string.Equals(folder, root, StringComparison.Ordinal) || !folder.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal)) continue;
            var shownFolder = Path.GetDirectoryName(shown) ?? shown;
            diagnostics.Warning(SourceLocation.WholePath(shown), "",
                $"its targets are not used: an esmctl.yaml counts only in the folder named (here {named}); name {shownFolder} to act on them");
        }
    }

    /// <summary>The targets file's name (esmctl.yaml).</summary>
    private const string TargetsFileName = "esmctl.yaml";

    /// <summary>
    /// Reads at most the size limit. A file of length 0 is not opened: FIFOs and devices (a *.yaml linked to
    /// /dev/zero) report 0, and opening a FIFO blocks until a writer comes while a device never ends; an empty
    /// regular file has nothing to read anyway. A file that grew past the limit since it was measured is refused.
    /// </summary>
    private static byte[] ReadBounded(FileInfo info)
    {
        if (info.Length == 0) return [];
        using var stream = new FileStream(info.FullName, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, FileOptions.SequentialScan);
        // Sized as measured, so the usual file (unchanged since) is read into its final array with no copy.
        var buffer = new byte[Math.Min(info.Length, ParseLimits.MaxFileBytes)];
        var length = 0;
        int read;
        while (length < buffer.Length && (read = stream.Read(buffer, length, buffer.Length - length)) > 0) length += read;
        if (length < buffer.Length) return buffer[..length]; // it shrank since it was measured
        Span<byte> probe = stackalloc byte[1];
        if (stream.Read(probe) == 0) return buffer;
        // It grew since it was measured: read the rest, still bounded.
        if (length + 1 > ParseLimits.MaxFileBytes)
            throw new IOException($"file grew past the {ParseLimits.MaxFileBytes}-byte limit for a manifest while it was read");
        var rest = new byte[ParseLimits.MaxFileBytes + 1 - (length + 1)];
        var more = 0;
        while (more < rest.Length && (read = stream.Read(rest, more, rest.Length - more)) > 0) more += read;
        if (length + 1 + more > ParseLimits.MaxFileBytes)
            throw new IOException($"file grew past the {ParseLimits.MaxFileBytes}-byte limit for a manifest while it was read");
        return [.. buffer, probe[0], .. rest.AsSpan(0, more)];
    }

    private static void Walk(DirectoryInfo directory, string shown, int depth, HashSet<string> visited,
        SortedDictionary<string, FileInfo?> found, DiagnosticBag diagnostics)
    {
        var identity = (directory.LinkTarget is not null ? directory.ResolveLinkTarget(returnFinalTarget: true)?.FullName : null) ?? directory.FullName;
        if (!visited.Add(Path.TrimEndingDirectorySeparator(identity))) return;
        if (depth > ParseLimits.MaxDirectoryDepth)
        {
            diagnostics.Warning(SourceLocation.WholePath(shown), "", $"not searched: more than {ParseLimits.MaxDirectoryDepth} directory levels deep");
            return;
        }
        try
        {
            foreach (var entry in directory.EnumerateFileSystemInfos().OrderBy(e => e.Name, StringComparer.Ordinal))
            {
                var child = Path.Join(shown, entry.Name);
                if (entry is DirectoryInfo subdirectory)
                {
                    if (entry.Name.StartsWith('.')) continue;
                    var before = found.Count;
                    Walk(subdirectory, child, depth + 1, visited, found, diagnostics);
                    // A directory named like a manifest that holds none (a checkout or a careless mkdir left it where a
                    // manifest was) is read as an empty file, not a regular one: with --prune it is damaged input, not a
                    // reason to delete what that manifest declared.
                    if (found.Count == before && IsManifestName(entry.Name)) found[child] = null;
                }
                else if (IsManifestName(entry.Name))
                {
                    if (File.Exists(entry.FullName)) found[child] = new FileInfo(entry.FullName);
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Error(SourceLocation.WholePath(shown), "", "cannot read directory: " + e.Message);
        }
    }

    private static bool IsManifestName(string name) =>
        name.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);
}
