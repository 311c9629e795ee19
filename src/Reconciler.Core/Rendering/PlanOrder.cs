using Reconciler.Core.Planning;

namespace Reconciler.Core.Rendering;

/// <summary>
/// The one order every renderer lists things in: ordinal by name, then UUID. The planner already orders actions by
/// name; sorting again here keeps output byte-identical whatever comparer produced the plan.
/// </summary>
internal static class PlanOrder
{
    public static IReadOnlyList<PlannedAction> Actions(Plan plan) =>
        plan.Actions
            .OrderBy(a => a.Name, StringComparer.Ordinal)
            .ThenBy(a => a.Uuid ?? "", StringComparer.Ordinal)
            .ToList();

    public static IReadOnlyList<PlannedAction> Changing(Plan plan) =>
        Actions(plan).Where(a => a.Kind != PlanActionKind.Noop).ToList();

    public static IReadOnlyList<LiveMappingSummary> Mappings(IEnumerable<LiveMappingSummary> mappings) =>
        mappings
            .OrderBy(m => m.Name ?? "", StringComparer.Ordinal)
            .ThenBy(m => m.Uuid, StringComparer.Ordinal)
            .ToList();
}
