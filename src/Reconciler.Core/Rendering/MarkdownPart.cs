namespace Reconciler.Core.Rendering;

/// <summary>
/// One block of the Markdown report. A list part (alert, table, details) can be shortened to its first items,
/// followed by an overflow line saying how many were left out; items are whole rows or whole &lt;details&gt;
/// elements, so shortening never cuts inside a code block or an HTML element. A list part with no items is left out.
/// A class, not a record: parts are told apart by identity, two empty parts are still two parts.
/// </summary>
internal sealed class MarkdownPart(
    string header,
    IReadOnlyList<string> items,
    string separator,
    Func<int, string> overflow,
    bool isList)
{
    public string Header { get; } = header;
    public IReadOnlyList<string> Items { get; } = items;
    public string Separator { get; } = separator;
    public bool IsList { get; } = isList;

    public static MarkdownPart Fixed(string text) => new(text, [], "", _ => "", isList: false);

    public static MarkdownPart List(string header, IReadOnlyList<string> items, string separator, Func<int, string> overflow) =>
        new(header, items, separator, overflow, isList: true);

    /// <summary>The part with its first <paramref name="take"/> items; "" when there is nothing to show.</summary>
    public string Render(int take)
    {
        if (IsList && Items.Count == 0)
        {
            return "";
        }

        var shown = Items.Take(take).ToList();
        if (take < Items.Count)
        {
            shown.Add(overflow(Items.Count - take));
        }

        return Header + string.Join(Separator, shown);
    }
}
