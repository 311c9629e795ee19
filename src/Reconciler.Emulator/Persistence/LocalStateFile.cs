using System.Text.Json;
using System.Text.Json.Serialization;
using Reconciler.Core.Diagnostics;
using Reconciler.Emulator.ControlPlane;

namespace Reconciler.Emulator.Persistence;

/// <summary>
/// Reads and writes the state file. A missing file is an empty control plane (the file is created on first write).
/// Writes go to a temporary file in the same folder, flushed to disk, then moved over the old file, so a reader or
/// a crash sees the old state or the new one, never half of one.
/// </summary>
internal static class LocalStateFile
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DictionaryKeyPolicy = null,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
    };

    public static MappingStore Load(string path)
    {
        string text;
        try
        {
            if (!File.Exists(path)) return new MappingStore();
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new LocalStateException($"Cannot read the local state file {path}: {e.Message}", e);
        }

        LocalStateDocument? document;
        try
        {
            document = JsonSerializer.Deserialize<LocalStateDocument>(text, Json);
        }
        catch (JsonException e)
        {
            throw new LocalStateException(
                $"The local state file {path}:{JsonParserText.Position(e)} is not valid JSON ({JsonParserText.Describe(e)}). Fix or remove it.", e);
        }
        if (document is null)
            throw new LocalStateException($"The local state file {path} is empty. Fix or remove it.");
        if (document.FormatVersion is not (LocalStateDocument.CurrentFormatVersion or LocalStateDocument.Version1))
            throw new LocalStateException(
                $"The local state file {path} has formatVersion '{document.FormatVersion}'; this esmctl reads formatVersion '{LocalStateDocument.Version1}' and '{LocalStateDocument.CurrentFormatVersion}'.");
        try
        {
            return LocalStateMapper.ToStore(document);
        }
        catch (LocalStateException e)
        {
            throw new LocalStateException($"The local state file {path}: {e.Message}", e);
        }
    }

    public static void Save(string path, MappingStore store)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var temporary = Path.Combine(directory, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            Directory.CreateDirectory(directory);
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                JsonSerializer.Serialize(stream, LocalStateMapper.ToDocument(store), Json);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(temporary);
            throw new LocalStateException($"Cannot write the local state file {path}: {e.Message}", e);
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The write already failed; that error is the one worth reporting.
        }
    }
}
