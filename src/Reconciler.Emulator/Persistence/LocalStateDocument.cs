namespace Reconciler.Emulator.Persistence;

/// <summary>
/// The local target's state file (<c>.esmctl/local-state.json</c>), version 1. Its own DTOs, never the Core
/// records, so the file format changes only on purpose: bump <see cref="CurrentFormatVersion"/> when it does.
/// </summary>
internal sealed record LocalStateDocument
{
    public const string CurrentFormatVersion = "1";

    public string? FormatVersion { get; init; }
    public long NextSequence { get; init; } = 1;
    public List<PersistedMapping> Mappings { get; init; } = [];
}
