namespace Reconciler.Emulator.Persistence;

/// <summary>
/// The local target's state file (<c>.esmctl/local-state.json</c>). Its own DTOs, never the Core records, so the file
/// format changes only on purpose. Version 2 keeps each mapping's settings in the API model's wire form
/// (<see cref="PersistedMapping.Configuration"/>); version 1 files (typed <see cref="PersistedMapping.Settings"/>) are
/// still read, and are written back as version 2 on the next change.
/// </summary>
internal sealed record LocalStateDocument
{
    public const string CurrentFormatVersion = "2";
    public const string Version1 = "1";

    public string? FormatVersion { get; init; }
    public long NextSequence { get; init; } = 1;
    public List<PersistedMapping> Mappings { get; init; } = [];
}
