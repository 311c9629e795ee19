namespace Reconciler.Core.Reconciling;

/// <summary>What a pruning run does when its input may be damaged (<see cref="Manifests.ManifestSet.DamagedInputs"/>).</summary>
public enum DamagedInputRule
{
    /// <summary>One-shot plan and apply: the damaged input is an error; nothing reaches the target.</summary>
    Refuse,
    /// <summary>The daemon: the tick goes ahead without its deletes, and says why (a file saved non-atomically by an
    /// editor is empty for a moment; the next tick sees it whole).</summary>
    HoldDeletes,
}
