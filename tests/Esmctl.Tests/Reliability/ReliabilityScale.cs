namespace Esmctl.Tests.Reliability;

/// <summary>
/// How big the reliability runs are. The short variant runs in every CI build; ESMCTL_RELIABILITY_LONG=1
/// (scripts/reliability.sh --long) scales every suite up. ESMCTL_RELIABILITY_SEED changes the fault and mutation
/// seeds, so a failing run can be repeated exactly.
/// </summary>
internal static class ReliabilityScale
{
    public static bool Long => Environment.GetEnvironmentVariable("ESMCTL_RELIABILITY_LONG") == "1";

    public static int Seed => int.TryParse(Environment.GetEnvironmentVariable("ESMCTL_RELIABILITY_SEED"), out var seed) ? seed : 7;

    /// <summary>Mappings applied under faults.</summary>
    public static int Mappings => Long ? 200 : 40;

    /// <summary>Rounds of manifest edits after the first convergence.</summary>
    public static int EditRounds => Long ? 5 : 1;

    /// <summary>Applies allowed per round before the round counts as not converged.</summary>
    public static int MaxApplyRounds => Long ? 12 : 8;

    /// <summary>SIGKILLs at random points of an apply.</summary>
    public static int RandomKills => Long ? 8 : 2;

    public static int Mutants => Long ? 400 : 60;

    /// <summary>Safety runs (flag combinations) against seeded foreign and orphaned mappings.</summary>
    public static int SafetyCombinations => Long ? int.MaxValue : 4;

    /// <summary>The bound on one esmctl process.</summary>
    public static TimeSpan ProcessTimeout => Long ? TimeSpan.FromMinutes(4) : TimeSpan.FromSeconds(60);
}
