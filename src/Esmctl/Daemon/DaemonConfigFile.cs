using System.Reflection;
using System.Text;
using System.Text.Json;
using Reconciler.Core.Diagnostics;
using Reconciler.Core.Validation;

namespace Esmctl.Daemon;

/// <summary>
/// The daemon's JSON config file, checked strictly before it is used: a key that is not a setting ("intervall") is an
/// error naming the file, the line and column and the key, with the setting meant when one is close ("did you mean
/// \"interval\"?"), instead of being silently ignored; so is a setting given an object or a list where it takes a value.
/// Keys are the settings' names in any case (interval, Interval), plus a Logging section for log levels.
/// </summary>
public static class DaemonConfigFile
{
    /// <summary>The settings a file may hold, as the documentation writes them (camelCase).</summary>
    public static IReadOnlyList<string> Settings { get; } =
    [
        .. typeof(DaemonOptions).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite && p.SetMethod!.IsPublic)
            .Select(p => char.ToLowerInvariant(p.Name[0]) + p.Name[1..]),
        "logging",
    ];

    private static readonly JsonReaderOptions ReaderOptions = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <summary>Every problem of the file at once, each as "FILE:LINE:COLUMN: ..."; empty when it is fine.</summary>
    public static IReadOnlyList<string> Problems(string path) => Problems(path, File.ReadAllBytes(path));

    /// <param name="shownAs">The file's name in the messages.</param>
    public static IReadOnlyList<string> Problems(string shownAs, byte[] content)
    {
        var bytes = content.AsSpan();
        if (bytes.StartsWith(Encoding.UTF8.Preamble)) bytes = bytes[Encoding.UTF8.Preamble.Length..];
        var text = bytes.ToArray();
        var reader = new Utf8JsonReader(text, ReaderOptions);
        var problems = new List<string>();
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
                return [$"{shownAs}:1:1: expected a JSON object of settings, e.g. {{ \"paths\": [\"/srv/manifests\"], \"interval\": \"2m\" }}"];
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var where = $"{shownAs}:{Position(text, reader.TokenStartIndex)}";
                var name = reader.GetString()!;
                reader.Read();
                using var value = JsonDocument.ParseValue(ref reader);
                if (Check(name, value.RootElement) is { } problem) problems.Add($"{where}: {problem}");
            }
            // The rest of the document must parse too: a file broken after its last setting is still broken.
            while (reader.Read())
            {
            }
        }
        catch (JsonException e)
        {
            problems.Add($"{shownAs}:{JsonParserText.Position(e)}: not valid JSON ({JsonParserText.Describe(e)})");
        }
        return problems;
    }

    private static string? Check(string name, JsonElement value)
    {
        var kind = value.ValueKind;
        var setting = Settings.FirstOrDefault(s => string.Equals(s, name, StringComparison.OrdinalIgnoreCase));
        if (setting is null)
        {
            var meant = FieldSuggestions.Closest(name, Settings) is { } nearest ? $"; did you mean \"{nearest}\"?" : "";
            return $"unknown setting \"{name}\"{meant} (settings: {string.Join(", ", Settings)})";
        }
        return setting switch
        {
            "paths" when kind is not (JsonValueKind.Array or JsonValueKind.String)
                || (kind == JsonValueKind.Array && value.EnumerateArray().Any(p => p.ValueKind != JsonValueKind.String)) =>
                $"\"{name}\" must be a list of manifest paths, e.g. [\"/srv/manifests\"]",
            "logging" when kind != JsonValueKind.Object =>
                $"\"{name}\" must be an object, e.g. {{\"LogLevel\": {{\"Esmctl\": \"Debug\"}}}}",
            "paths" or "logging" => null,
            _ when kind is JsonValueKind.Object or JsonValueKind.Array =>
                $"\"{name}\" takes a single value, not {(kind == JsonValueKind.Object ? "an object" : "a list")}",
            _ => null,
        };
    }

    /// <summary>"LINE:COLUMN" (1-based, columns in characters) of a byte offset.</summary>
    private static string Position(byte[] text, long offset)
    {
        var before = text.AsSpan(0, (int)offset);
        var lineStart = before.LastIndexOf((byte)'\n') + 1;
        var line = before.Count((byte)'\n') + 1;
        return $"{line}:{Encoding.UTF8.GetCharCount(before[lineStart..]) + 1}";
    }
}

/// <summary>The config file cannot be used: every problem, each naming the file.</summary>
public sealed class DaemonConfigFileException(IReadOnlyList<string> problems) : IOException(string.Join("; ", problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
