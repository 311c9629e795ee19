using Reconciler.Core.Diagnostics;
using YamlDotNet.Core;

namespace Reconciler.Core.Manifests;

/// <summary>
/// Maps a position in a scalar's value back to the file: exact for a literal block (<c>|</c>), whose lines are the
/// file's lines less their indentation, and for a one-line plain or quoted scalar, whose escapes (<c>\"</c>,
/// <c>''</c>) are walked. Folded and multi-line flow scalars join lines, so there is no exact answer: null.
/// </summary>
internal static class ScalarPositions
{
    public static SourceLocation? Locate(string text, ScalarNode scalar, int line, int column)
    {
        if (line < 1 || column < 1 || scalar.Start < 0 || scalar.End > text.Length || scalar.Start >= scalar.End) return null;
        return scalar.Style switch
        {
            ScalarStyle.Literal => InLiteral(text, scalar, line, column),
            ScalarStyle.Plain or ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted when line == 1 && !text.AsSpan(scalar.Start, scalar.End - scalar.Start).Contains('\n') =>
                InOneLine(text, scalar, column),
            _ => null,
        };
    }

    /// <summary>The block's content starts on the line after the indicator, indented as its first non-blank line.</summary>
    private static SourceLocation? InLiteral(string text, ScalarNode scalar, int line, int column)
    {
        var firstLine = text.IndexOf('\n', scalar.Start) + 1;
        if (firstLine <= 0) return null;
        var indent = 0;
        for (var at = firstLine; at < scalar.End; at = text.IndexOf('\n', at) + 1)
        {
            var spaces = 0;
            while (at + spaces < text.Length && text[at + spaces] == ' ') spaces++;
            if (at + spaces < text.Length && text[at + spaces] is not ('\n' or '\r')) { indent = spaces; break; }
            if (text.IndexOf('\n', at) < 0) break;
        }
        return scalar.Location with { Line = scalar.Location.Line + line, Column = indent + column };
    }

    private static SourceLocation InOneLine(string text, ScalarNode scalar, int column)
    {
        var quoted = scalar.Style != ScalarStyle.Plain;
        var at = scalar.Start + (quoted ? 1 : 0);
        for (var produced = 1; produced < column && at < scalar.End; produced++)
        {
            at += scalar.Style switch
            {
                ScalarStyle.DoubleQuoted when text[at] == '\\' && at + 1 < scalar.End => text[at + 1] switch
                {
                    'x' => 4,
                    'u' => 6,
                    'U' => 10,
                    _ => 2,
                },
                ScalarStyle.SingleQuoted when text[at] == '\'' && at + 1 < scalar.End && text[at + 1] == '\'' => 2,
                _ => 1,
            };
        }
        return scalar.Location with { Column = scalar.Location.Column + (at - scalar.Start) };
    }
}
