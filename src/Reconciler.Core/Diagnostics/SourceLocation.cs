namespace Reconciler.Core.Diagnostics;

/// <summary>A place in a manifest file; line and column are 1-based.</summary>
public sealed record SourceLocation(string File, int Line, int Column)
{
    public override string ToString() => $"{File}:{Line}:{Column}";
}
