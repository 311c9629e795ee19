using Reconciler.Core.Model;

namespace Reconciler.Core.Reconciling;

/// <summary>
/// What the user's invocation grants a run, never a plan file: whose mappings it manages (the owner in
/// esmctl:managed-by), whether it may delete owned mappings no manifest declares (Prune), how many mappings it may delete
/// in all, replacements included (MaxDeletes, null for no limit), what it does with damaged input, and how long it waits
/// for mappings to settle after its calls (null: not at all).
/// </summary>
public sealed record SessionSettings
{
    /// <summary>With prune and no limit given, a run deleting more than this many mappings (replacements counted) is
    /// refused: an emptied manifest directory must not wipe an account. The same for plan, apply and the daemon.</summary>
    public const int DefaultMaxDeletesWithPrune = 5;

    /// <summary>The limit a run has: the one given, else <see cref="DefaultMaxDeletesWithPrune"/> with prune, else none.</summary>
    public static int? MaxDeletesFor(bool prune, int? given) => given ?? (prune ? DefaultMaxDeletesWithPrune : null);

    public string Owner { get; init; } = ManagedTags.DefaultOwner;

    public bool Prune { get; init; }

    public int? MaxDeletes { get; init; }

    public DamagedInputRule DamagedInput { get; init; } = DamagedInputRule.Refuse;

    public TimeSpan? SettleWait { get; init; }
}
