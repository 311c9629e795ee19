using System.Globalization;
using Reconciler.Core.Planning;

namespace Reconciler.Core.Rendering;

/// <summary>The summary sentences shared by the text and Markdown renderers.</summary>
public static class PlanSentences
{
    public const string NoChanges = "No changes. Live state matches the manifests.";

    /// <summary>
    /// "Plan: 1 to create, 2 to update, 1 to replace, 0 to delete." The four counts always appear, in this order, so
    /// scripts can match the sentence; ", N to adopt" is appended only when something is adopted, as Terraform
    /// mentions imports only when there are some.
    /// </summary>
    public static string Summary(PlanSummary summary)
    {
        var text = string.Create(
            CultureInfo.InvariantCulture,
            $"Plan: {summary.Create} to create, {summary.Update} to update, {summary.Replace} to replace, {summary.Delete} to delete");
        return summary.Adopt > 0
            ? string.Create(CultureInfo.InvariantCulture, $"{text}, {summary.Adopt} to adopt.")
            : text + ".";
    }

    private static string Count(int count, string one, string many) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {(count == 1 ? one : many)}");

    /// <summary>"1 mapping unchanged." / "3 mappings unchanged."</summary>
    public static string Unchanged(int count) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {(count == 1 ? "mapping" : "mappings")} unchanged.");

    /// <summary>
    /// What keeps live state from matching the manifests without a call apply would make: manifests whose mapping
    /// another owner holds, and owned mappings no manifest declares (kept without --prune). Null when there is none.
    /// "1 conflict (a manifest's mapping is another owner's), 2 orphans (not deleted without --prune)".
    /// </summary>
    public static string? Unresolved(Plan plan)
    {
        var parts = new List<string>();
        if (plan.Conflicts.Count > 0)
            parts.Add(Count(plan.Conflicts.Count, "conflict", "conflicts") + " (a manifest's mapping is another owner's: not changed, no duplicate created)");
        if (plan.Orphans.Count > 0)
            parts.Add(Count(plan.Orphans.Count, "orphan", "orphans") + " (owned, in no manifest: not deleted without --prune)");
        return parts.Count == 0 ? null : string.Join(", ", parts);
    }

    /// <summary>The verdict of a plan with nothing to apply that still does not match: never "No changes".</summary>
    public static string NothingToApply(string unresolved) =>
        $"No changes to apply, but live state does not match the manifests: {unresolved}.";

    /// <summary>The line after a plan's summary when it also leaves something unresolved.</summary>
    public static string AlsoUnresolved(string unresolved) => $"Not resolved by this plan: {unresolved}.";

    public const string ConflictsTitle = "Conflicts";
    public const string ConflictsExplanation = "declared in a manifest, managed by another owner: left alone, and no duplicate is created";
    public const string OrphansTitle = "Orphans";
    public const string OrphansExplanation = "not in any manifest, owned by this instance: not deleted without --prune";
    public const string UnmanagedTitle = "Unmanaged";
    public const string UnmanagedExplanation = "not managed by esmctl, on functions or sources the manifests manage";
}
