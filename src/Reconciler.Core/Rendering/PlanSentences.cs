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

    /// <summary>"1 mapping unchanged." / "3 mappings unchanged."</summary>
    public static string Unchanged(int count) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {(count == 1 ? "mapping" : "mappings")} unchanged.");

    public const string OrphansTitle = "Orphans";
    public const string OrphansExplanation = "not in any manifest, owned by this instance: not deleted without --prune";
    public const string UnmanagedTitle = "Unmanaged";
    public const string UnmanagedExplanation = "not managed by esmctl, on functions or sources the manifests manage";
}
