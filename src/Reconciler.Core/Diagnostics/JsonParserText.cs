using System.Text.Json;

namespace Reconciler.Core.Diagnostics;

/// <summary>What a JSON parser error says, for a person: the one wording of a filter pattern's, the local state file's
/// and other JSON input's syntax errors, with the position given by the caller where the person looks for it.</summary>
public static class JsonParserText
{
    /// <summary>System.Text.Json's message in a person's words: without its "LineNumber: 0 |
    /// BytePositionInLine: 27." and "Path: $" tails (the position is given in the manifest instead) and without advice
    /// meant for .NET programmers.</summary>
    public static string Describe(JsonException invalid)
    {
        var message = invalid.Message;
        foreach (var tail in new[] { " Path:", " LineNumber:", " Change the reader options", " Expected the input to start" })
        {
            var cut = message.IndexOf(tail, StringComparison.Ordinal);
            if (cut >= 0) message = message[..cut];
        }
        message = message.Trim().TrimEnd('.');
        if (message.StartsWith("Expected depth to be zero", StringComparison.Ordinal)) return "it ends before every { and [ is closed";
        if (message.Contains("trailing comma", StringComparison.Ordinal)) return "a comma before the closing ] or } (JSON allows no trailing comma)";
        if (message.StartsWith("The input does not contain any JSON tokens", StringComparison.Ordinal)) return "it is empty";
        return message;
    }

    /// <summary>"LINE:COLUMN" (1-based) of a parser error, or "1:1" when the parser gave none.</summary>
    public static string Position(JsonException invalid) =>
        invalid.LineNumber is { } line ? $"{line + 1}:{(invalid.BytePositionInLine ?? 0) + 1}" : "1:1";
}
