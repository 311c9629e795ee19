namespace Esmctl.Daemon;

public enum TickResult
{
    /// <summary>The tick planned (and applied, unless observe-only); single mappings may still have failed.</summary>
    Succeeded,
    /// <summary>The manifests have errors: nothing was applied; the diagnostics say why.</summary>
    InvalidInput,
    /// <summary>The tick could not complete (e.g. listing live mappings failed); the loop backs off.</summary>
    Failed,
}
