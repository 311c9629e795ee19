using System.Text;
using Reconciler.Core.Diagnostics;

namespace Reconciler.Core.Manifests;

/// <summary>Turns a file's bytes into text, refusing what is not a UTF-8 text file with a diagnostic that says where.</summary>
internal static class ManifestText
{
    public static string? Decode(string file, byte[] bytes, DiagnosticBag diagnostics)
    {
        if (bytes.Length > ParseLimits.MaxFileBytes)
        {
            diagnostics.Error(new SourceLocation(file, 1, 1), "",
                $"file is {bytes.Length} bytes, over the {ParseLimits.MaxFileBytes}-byte limit for a manifest; split it into several files");
            return null;
        }
        if (bytes is [0xFF, 0xFE, ..] or [0xFE, 0xFF, ..])
        {
            diagnostics.Error(new SourceLocation(file, 1, 1), "", "file is UTF-16 encoded; save it as UTF-8");
            return null;
        }

        ReadOnlySpan<byte> rest = bytes;
        if (rest.StartsWith("\uFEFF"u8)) rest = rest[3..];
        var start = rest;
        int line = 1, column = 1;
        while (!rest.IsEmpty)
        {
            if (Rune.DecodeFromUtf8(rest, out var rune, out var consumed) != System.Buffers.OperationStatus.Done)
            {
                diagnostics.Error(new SourceLocation(file, line, column), "",
                    $"file is not valid UTF-8 (byte 0x{rest[0]:X2}); manifests must be UTF-8 text");
                return null;
            }
            if (rune.Value is < 0x20 and not ('\t' or '\n' or '\r') || rune.Value == 0x7F)
            {
                diagnostics.Error(new SourceLocation(file, line, column), "",
                    $"file holds binary data (control character U+{rune.Value:X4}); manifests must be YAML text");
                return null;
            }
            if (rune.Value == '\n') { line++; column = 1; } else { column++; }
            rest = rest[consumed..];
        }
        return Encoding.UTF8.GetString(start);
    }
}
