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
    public static IReadOnlyList<ManifestFile> Read(IReadOnlyList<string> paths, DiagnosticBag diagnostics)
    {
        var found = new SortedDictionary<string, FileInfo>(StringComparer.Ordinal);
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
                    diagnostics.Warning(new SourceLocation(path, 1, 1), "", "directory holds no *.yaml or *.yml files");
            }
            else
            {
                diagnostics.Error(new SourceLocation(path, 1, 1), "", "no such file or directory");
            }
        }

        var files = new List<ManifestFile>();
        var read = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (path, info) in found)
        {
            if (!read.Add(info.FullName)) continue; // ./a.yaml and a.yaml: one file
            try
            {
                if (info.Length > ParseLimits.MaxFileBytes)
                {
                    // Refused before reading, so an oversized file costs no memory.
                    diagnostics.Error(new SourceLocation(path, 1, 1), "",
                        $"file is {info.Length} bytes, over the {ParseLimits.MaxFileBytes}-byte limit for a manifest; split it into several files");
                    continue;
                }
                files.Add(new ManifestFile(path, File.ReadAllBytes(path)));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                diagnostics.Error(new SourceLocation(path, 1, 1), "", "cannot read file: " + e.Message);
            }
        }
        return files;
    }

    private static void Walk(DirectoryInfo directory, string shown, int depth, HashSet<string> visited,
        SortedDictionary<string, FileInfo> found, DiagnosticBag diagnostics)
    {
        var identity = (directory.LinkTarget is not null ? directory.ResolveLinkTarget(returnFinalTarget: true)?.FullName : null) ?? directory.FullName;
        if (!visited.Add(Path.TrimEndingDirectorySeparator(identity))) return;
        if (depth > ParseLimits.MaxDirectoryDepth)
        {
            diagnostics.Warning(new SourceLocation(shown, 1, 1), "", $"not searched: more than {ParseLimits.MaxDirectoryDepth} directory levels deep");
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
                    Walk(subdirectory, child, depth + 1, visited, found, diagnostics);
                }
                else if (entry.Name.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || entry.Name.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
                {
                    if (File.Exists(entry.FullName)) found[child] = new FileInfo(entry.FullName);
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Error(new SourceLocation(shown, 1, 1), "", "cannot read directory: " + e.Message);
        }
    }
}
