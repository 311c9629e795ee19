namespace Esmctl.Daemon;

/// <summary>A mapping whose live state differs from its manifest at a tick: what the plan does to it (create, update,
/// replace, delete, adopt) and the fields that differ (empty for a create or delete).</summary>
public sealed record DriftedMapping(string Mapping, string Action, string? Uuid, IReadOnlyList<string> Fields)
{
    /// <summary>"orders-to-processor: update batchSize, maximumBatchingWindowInSeconds".</summary>
    public override string ToString() => Fields.Count == 0 ? $"{Mapping}: {Action}" : $"{Mapping}: {Action} {string.Join(", ", Fields)}";
}
