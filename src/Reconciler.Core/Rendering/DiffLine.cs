namespace Reconciler.Core.Rendering;

/// <summary>
/// One line of an action's block, before layout. Depth 0 is the mapping level (header, block opening and closing),
/// depth 1 a field inside the block. The text renderer puts the sign in a right-aligned slot before the text
/// (Terraform's layout); the Markdown renderer moves it to column 0 so GitHub's diff highlighting colours it.
/// </summary>
internal sealed record DiffLine(int Depth, DiffMark Mark, string Text, bool ForcesReplacement = false)
{
    public const string ForcesReplacementNote = "# forces replacement";

    public string Sign => Mark switch
    {
        DiffMark.None => "",
        DiffMark.Comment => "#",
        DiffMark.Create => "+",
        DiffMark.Update => "~",
        DiffMark.Replace => "-/+",
        DiffMark.Delete => "-",
        DiffMark.Warning => "!",
        _ => throw new ArgumentOutOfRangeException(nameof(Mark), Mark, "Unknown diff mark."),
    };

    /// <summary>Where the sign slot starts: three columns wide, right-aligned, then one space, then the text.</summary>
    public int SlotStart => Depth == 0 ? 0 : 4;
}
