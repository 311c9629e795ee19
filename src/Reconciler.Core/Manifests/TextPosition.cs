using Reconciler.Core.Diagnostics;

namespace Reconciler.Core.Manifests;

/// <summary>Where a node was written, held by value: every node of every document has one, and only the few that a
/// diagnostic names become a <see cref="SourceLocation"/>.</summary>
internal readonly record struct TextPosition(string File, int Line, int Column)
{
    public SourceLocation ToLocation() => new(File, Line, Column);
}
