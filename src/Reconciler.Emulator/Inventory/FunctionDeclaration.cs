namespace Reconciler.Emulator.Inventory;

/// <summary>A function the emulator knows, with the versions (e.g. "1") and aliases (e.g. "live") it has, so a
/// qualified FunctionName is checked too. $LATEST always exists.</summary>
public sealed record FunctionDeclaration(string Name, IReadOnlyList<string> Versions, IReadOnlyList<string> Aliases);
