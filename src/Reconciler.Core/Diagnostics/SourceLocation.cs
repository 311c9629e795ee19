namespace Reconciler.Core.Diagnostics;

/// <summary>A place in a manifest file; line and column are 1-based.</summary>
public sealed record SourceLocation(string File, int Line, int Column)
{
    /// <summary>
    /// The place is the path as a whole (a path that does not exist, an unreadable directory), not a line in it: shown as
    /// the path alone. Line and column stay 1 for the JSON documents, whose schema requires them, and for sorting.
    /// </summary>
    public bool IsWholePath { get; private init; }

    /// <summary>A problem with a path itself, which has no line and column to point at.</summary>
    public static SourceLocation WholePath(string path) => new(path, 1, 1) { IsWholePath = true };

    public override string ToString() => IsWholePath ? File : $"{File}:{Line}:{Column}";
}
