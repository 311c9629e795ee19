using Reconciler.Core.Api;

namespace Reconciler.Core.Applying;

/// <summary>
/// What one apply tried again, each cause counted apart so none hides another: the AWS client's retries (throttling,
/// 5xx, network, IAM propagation) and the calls it gave up on; the creates the engine sent again after their outcome
/// was lost (a 5xx, a timeout or a dropped connection, and no mapping of it found); calls repeated because the mapping
/// was busy; polls waiting for a mapping to settle; creates resolved by finding their mapping already there. Computed
/// once from the report; every rendering of an apply (the text report's <c>Retries:</c> line, a machine-readable
/// report) words these counters and sums nothing itself.
/// </summary>
public sealed record ApplyRetries(RetryCounts Client, int LostCreatesResent, int BusyRepeats, int SettlePolls, int CreatesFoundExisting)
{
    public static ApplyRetries Of(ApplyReport report, RetryCounts client) => new(
        client,
        LostCreatesResent: report.Outcomes.Sum(o => o.CreateResends),
        BusyRepeats: report.Outcomes.Sum(o => o.Retries),
        SettlePolls: report.Outcomes.Sum(o => o.Waits),
        CreatesFoundExisting: report.Outcomes.Count(o => o.FoundExisting && o.Result == ApplyResult.Succeeded));

    /// <summary>Nothing was tried again.</summary>
    public bool IsEmpty => Client.IsEmpty && LostCreatesResent == 0 && BusyRepeats == 0 && SettlePolls == 0 && CreatesFoundExisting == 0;
}
