namespace Reconciler.Core.Rendering;

/// <summary>How <see cref="MarkdownPlanRenderer"/> writes a pull-request comment.</summary>
public sealed record MarkdownPlanOptions
{
    /// <summary>GitHub rejects issue and pull-request comments longer than this many characters.</summary>
    public const int GitHubCommentLimit = 65_536;

    public static MarkdownPlanOptions Default { get; } = new();

    /// <summary>The report never exceeds this many characters (UTF-16 code units); lists are shortened to fit.</summary>
    public int MaxLength { get; init; } = GitHubCommentLimit;

    /// <summary>The commit the manifests were read at (GITHUB_SHA, or git's HEAD), named in the header; null for none.</summary>
    public string? Commit { get; init; }

    /// <summary>Markdown appended to the truncation notice: where the reviewer finds the whole plan.</summary>
    public string FullPlanPointer { get; init; } =
        "The full plan is attached to this workflow run as an artifact (`esmctl plan --output json`).";
}
