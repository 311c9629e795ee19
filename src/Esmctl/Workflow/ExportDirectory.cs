namespace Esmctl.Workflow;

/// <summary>
/// Writes a set of files into one directory as a unit: every name must resolve to a file directly inside it, an
/// existing file with other content is overwritten only when forced, and the files are first written to a temporary
/// directory inside it and then moved into place, so a failure leaves neither a half-written file nor half a set.
/// </summary>
public static class ExportDirectory
{
    public const string TemporaryPrefix = ".esmctl-export-";

    /// <summary>What happened to each file: written (new), overwritten, or unchanged (same content already there).</summary>
    public enum FileOutcome { Written, Overwritten, Unchanged }

    public sealed class RefusedException(string message, IReadOnlyList<string> files) : IOException(message)
    {
        public IReadOnlyList<string> Files { get; } = files;
    }

    /// <summary>The full path of <paramref name="fileName"/> in <paramref name="directory"/>, or null when the name
    /// would land anywhere else (a separator, "..", an absolute path, a name that is only dots).</summary>
    public static string? Resolve(string directory, string fileName)
    {
        if (fileName.Length == 0 || fileName.Trim('.').Length == 0 || fileName.IndexOfAny(['/', '\\', '\0']) >= 0 || Path.IsPathRooted(fileName))
            return null;
        var root = Path.GetFullPath(directory);
        var full = Path.GetFullPath(Path.Combine(root, fileName));
        return string.Equals(Path.GetDirectoryName(full), root.TrimEnd(Path.DirectorySeparatorChar), StringComparison.Ordinal) ? full : null;
    }

    public static async Task<IReadOnlyList<(string Path, FileOutcome Outcome)>> WriteAsync(
        string directory, IReadOnlyList<(string FileName, string Content)> files, bool force, CancellationToken cancellationToken)
    {
        var targets = new List<(string Path, string Content, FileOutcome Outcome)>();
        foreach (var (name, content) in files)
        {
            var path = Resolve(directory, name) ?? throw new RefusedException($"refusing to write '{name}': it is not a file name inside {directory}", [name]);
            if (targets.Any(t => t.Path == path)) throw new RefusedException($"two manifests would both be written to {path}", [name]);
            var outcome = FileOutcome.Written;
            if (File.Exists(path) || Directory.Exists(path) || IsLink(path))
            {
                outcome = IsRegular(path) && await File.ReadAllTextAsync(path, cancellationToken) == content ? FileOutcome.Unchanged : FileOutcome.Overwritten;
            }
            targets.Add((path, content, outcome));
        }
        var clashes = targets.Where(t => t.Outcome == FileOutcome.Overwritten).Select(t => t.Path).ToList();
        if (clashes.Count > 0 && !force)
            throw new RefusedException($"{clashes.Count} file(s) already exist with other content; nothing was written (use --force to overwrite)", clashes);
        if (clashes.FirstOrDefault(Directory.Exists) is { } folder)
            throw new RefusedException($"{folder} is a directory; nothing was written", [folder]);

        var created = !Directory.Exists(directory);
        Directory.CreateDirectory(directory);
        var staging = Path.Combine(Path.GetFullPath(directory), TemporaryPrefix + Guid.NewGuid().ToString("N"));
        var moved = new List<string>();
        try
        {
            Directory.CreateDirectory(staging);
            foreach (var (path, content, outcome) in targets.Where(t => t.Outcome != FileOutcome.Unchanged))
                await File.WriteAllTextAsync(Path.Combine(staging, Path.GetFileName(path)), content, cancellationToken);
            // A rename replaces a directory entry (a symlink there is replaced, never followed) within one file system.
            foreach (var (path, _, outcome) in targets.Where(t => t.Outcome != FileOutcome.Unchanged))
            {
                File.Move(Path.Combine(staging, Path.GetFileName(path)), path, overwrite: outcome == FileOutcome.Overwritten);
                if (outcome == FileOutcome.Written) moved.Add(path);
            }
        }
        catch
        {
            foreach (var path in moved) TryDelete(path);
            if (created) TryDeleteDirectory(directory);
            throw;
        }
        finally
        {
            TryDeleteDirectory(staging);
        }
        return [.. targets.Select(t => (t.Path, t.Outcome))];
    }

    private static bool IsLink(string path) => new FileInfo(path).LinkTarget is not null;

    private static bool IsRegular(string path) => File.Exists(path) && !IsLink(path);

    private static void TryDelete(string path)
    {
        try { File.Delete(path); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private static void TryDeleteDirectory(string path)
    {
        try { if (Directory.Exists(path)) Directory.Delete(path, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
