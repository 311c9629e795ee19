namespace Esmctl.Init;

/// <summary>One file `esmctl init` writes: its path relative to the new repository (with '/') and its text.</summary>
public sealed record ScaffoldFile(string RelativePath, string Content);
