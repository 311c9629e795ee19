using Reconciler.Core.Planning;

namespace Reconciler.Core.Rendering;

/// <summary>
/// Lays one planned action out as lines: the header comment, its warnings, then the block with one line per field
/// change. It only reads the plan: which fields changed and which force replacement was decided by the planner.
/// </summary>
internal static class ActionDiff
{
    public static IReadOnlyList<DiffLine> Lines(PlannedAction action)
    {
        var lines = new List<DiffLine>
        {
            new(0, DiffMark.Comment, $"{action.Name} {PlanActionWords.Outcome(action.Kind)}"),
        };
        lines.AddRange(action.Warnings.Select(w => new DiffLine(0, DiffMark.Warning, "warning: " + OneLine(w))));
        lines.Add(new DiffLine(0, BlockMark(action), $"mapping \"{action.Name}\" {{"));
        if (action.Uuid is not null)
        {
            lines.Add(new DiffLine(1, DiffMark.None, "uuid: " + Quote(action.Uuid)));
        }

        lines.AddRange(action.Changes.Select(FieldLine));
        if (action.Kind == PlanActionKind.Delete && action.Changes.Count == 0 && action.Live is { } live)
        {
            // A delete usually carries no field changes; name what goes away so the reviewer need not look it up.
            lines.Add(new DiffLine(1, DiffMark.Delete, "functionArn: " + Quote(live.FunctionArn)));
            if (live.Configuration.EventSourceArn is { } source)
            {
                lines.Add(new DiffLine(1, DiffMark.Delete, "eventSourceArn: " + Quote(source)));
            }
        }

        lines.Add(new DiffLine(0, DiffMark.None, "}"));
        return lines;
    }

    private static DiffMark BlockMark(PlannedAction action) => action.Kind switch
    {
        PlanActionKind.Create => DiffMark.Create,
        PlanActionKind.Update or PlanActionKind.Adopt => DiffMark.Update,
        PlanActionKind.Replace => DiffMark.Replace,
        PlanActionKind.Delete => DiffMark.Delete,
        _ => DiffMark.None,
    };

    private static DiffLine FieldLine(FieldChange change)
    {
        var (mark, value) = (change.Before, change.After) switch
        {
            (null, not null) => (DiffMark.Create, SentinelValues.Format(change.Field, change.After)),
            (not null, null) => (DiffMark.Delete, SentinelValues.Format(change.Field, change.Before)),
            _ => (DiffMark.Update, $"{SentinelValues.Format(change.Field, change.Before)} -> {SentinelValues.Format(change.Field, change.After)}"),
        };
        return new DiffLine(1, mark, $"{change.Field}: {value}", change.ForcesReplacement);
    }

    private static string Quote(string text) => PlanValueText.Format(System.Text.Json.Nodes.JsonValue.Create(text));

    /// <summary>A warning is one line in a fixed-width plan; line breaks inside it would break the layout.</summary>
    internal static string OneLine(string text) => text.ReplaceLineEndings(" ");
}
