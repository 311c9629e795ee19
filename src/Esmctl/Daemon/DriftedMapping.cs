namespace Esmctl.Daemon;

/// <summary>A mapping whose live state differs from its manifest at a tick: what the plan does to it (create, update,
/// replace, delete, adopt; or conflict, orphan) and the fields that differ (empty for a create or delete).</summary>
public sealed record DriftedMapping(string Mapping, string Action, string? Uuid, IReadOnlyList<string> Fields)
{
    /// <summary>The action of a manifest's mapping another owner holds, and of an owned mapping no manifest declares.</summary>
    public const string Conflict = "conflict", Orphan = "orphan";

    /// <summary>Drift no planned action repairs (a conflict, an orphan without --prune).</summary>
    public bool Unresolved => Action is Conflict or Orphan;

    /// <summary>"orders-to-processor: update batchSize, maximumBatchingWindowInSeconds".</summary>
    public override string ToString() => Fields.Count == 0 ? $"{Mapping}: {Action}" : $"{Mapping}: {Action} {string.Join(", ", Fields)}";
}
