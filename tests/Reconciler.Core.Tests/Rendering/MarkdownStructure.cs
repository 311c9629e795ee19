using System.Text.RegularExpressions;

namespace Reconciler.Core.Tests.Rendering;

/// <summary>
/// Checks the Markdown constructs the report relies on: code fences closed, &lt;details&gt; opened and closed outside
/// code and never nested, every table row with as many cells as its header.
/// </summary>
internal static partial class MarkdownStructure
{
    public static void AssertWellFormed(string markdown)
    {
        string? fence = null;
        var detailsOpen = false;
        int? tableCells = null;
        var lines = markdown.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (fence is not null)
            {
                if (line.Length >= fence.Length && line.All(c => c == '`'))
                {
                    fence = null;
                }

                continue;
            }

            if (line.StartsWith("```", StringComparison.Ordinal))
            {
                fence = new string('`', line.TakeWhile(c => c == '`').Count());
                continue;
            }

            if (line.StartsWith("<details>", StringComparison.Ordinal))
            {
                Assert.False(detailsOpen, $"nested <details> at line {i + 1}");
                detailsOpen = true;
            }
            else if (line == "</details>")
            {
                Assert.True(detailsOpen, $"</details> without <details> at line {i + 1}");
                detailsOpen = false;
            }

            if (line.StartsWith('|'))
            {
                var cells = UnescapedPipe().Count(line);
                Assert.True(line.EndsWith('|'), $"table row does not end with | at line {i + 1}: {line}");
                tableCells ??= cells;
                Assert.True(tableCells == cells, $"table row with {cells} pipes where the header has {tableCells}, line {i + 1}: {line}");
            }
            else
            {
                tableCells = null;
            }
        }

        Assert.True(fence is null, "a code fence is never closed");
        Assert.False(detailsOpen, "a <details> element is never closed");
    }

    [GeneratedRegex(@"(?<!\\)\|")]
    private static partial Regex UnescapedPipe();
}
