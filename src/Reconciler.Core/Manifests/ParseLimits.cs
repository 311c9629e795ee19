namespace Reconciler.Core.Manifests;

/// <summary>Bounds that keep hostile or accidental input from exhausting memory or the stack. A real manifest
/// is a few hundred bytes and a few dozen nodes, so each bound is far above honest use.</summary>
public static class ParseLimits
{
    public const int MaxFileBytes = 1024 * 1024;

    /// <summary>Nodes in one document after aliases are expanded (a "billion laughs" expands to 10^9).</summary>
    public const int MaxNodesPerDocument = 10_000;

    public const int MaxDepth = 32;

    /// <summary>Directory levels followed below a path argument, a backstop against symlink loops.</summary>
    public const int MaxDirectoryDepth = 32;
}
