using System.Text;

namespace Reconciler.Core.Rendering;

/// <summary>Escaping for text that comes from manifests and AWS and ends up in a PR comment.</summary>
internal static class MarkdownText
{
    // Characters that can start emphasis, links, HTML, code, tables, strikethrough, entities or GitHub math.
    private const string Special = "\\`*_[]<>|#~!&$";

    /// <summary>Plain inline text: every special character backslash-escaped (valid for any ASCII punctuation).</summary>
    public static string Inline(string text)
    {
        var escaped = new StringBuilder(text.Length + 8);
        foreach (var c in OneLine(text))
        {
            if (Special.Contains(c))
            {
                escaped.Append('\\');
            }

            escaped.Append(c);
        }

        return escaped.ToString();
    }

    /// <summary>
    /// A code span. Its delimiter is one backtick longer than any run inside it. In a table cell GitHub splits on
    /// '|' before parsing code spans, so pipes are escaped there.
    /// </summary>
    public static string Code(string text, bool inTable)
    {
        var content = OneLine(text);
        if (inTable)
        {
            content = content.Replace("|", "\\|", StringComparison.Ordinal);
        }

        var ticks = new string('`', LongestRun(content, '`') + 1);
        var pad = content.StartsWith('`') || content.EndsWith('`') ? " " : "";
        return ticks + pad + content + pad + ticks;
    }

    /// <summary>Text inside an HTML element such as &lt;summary&gt;: entities, since Markdown is not parsed there.</summary>
    public static string Html(string text) =>
        OneLine(text)
            .Replace("&", "&amp;", StringComparison.Ordinal)
            .Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal)
            .Replace("\"", "&quot;", StringComparison.Ordinal);

    /// <summary>A code fence that no line of <paramref name="content"/> can close early.</summary>
    public static string Fence(string content) => new('`', Math.Max(3, LongestRun(content, '`') + 1));

    private static string OneLine(string text) => text.ReplaceLineEndings(" ");

    private static int LongestRun(string text, char c)
    {
        int longest = 0, current = 0;
        foreach (var ch in text)
        {
            current = ch == c ? current + 1 : 0;
            longest = Math.Max(longest, current);
        }

        return longest;
    }
}
