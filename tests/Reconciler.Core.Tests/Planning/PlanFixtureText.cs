using System.Text;
using System.Text.Json;
using Reconciler.Core.Planning;

namespace Reconciler.Core.Tests.Planning;

/// <summary>
/// The compact text the planner fixtures expect: every action with its changes, warnings and execution requests,
/// then conflicts, orphans and unmanaged mappings. A test format only; the product's renderers live elsewhere.
/// <code>
/// update name uuid
///   ~ batchSize: 10 -> 20
///   ~ eventSourceArn: "a" -> "b"  # forces replacement
///   ! warning
///   create: {...}   update: {...}   tags: set {...} remove [...]
/// orphan uuid name=x owner=y
/// </code>
/// </summary>
internal static class PlanFixtureText
{
    public static string Render(Plan plan)
    {
        var text = new StringBuilder();
        foreach (var action in plan.Actions)
        {
            text.Append(action.Kind.ToString().ToLowerInvariant()).Append(' ').Append(action.Name);
            if (action.Uuid is not null) text.Append(' ').Append(action.Uuid);
            text.Append('\n');
            foreach (var change in action.Changes)
            {
                var sign = change.Before is null ? '+' : change.After is null ? '-' : '~';
                text.Append("  ").Append(sign).Append(' ').Append(change.Field).Append(": ")
                    .Append(Show(change.Before)).Append(" -> ").Append(Show(change.After));
                if (change.ForcesReplacement) text.Append("  # forces replacement");
                text.Append('\n');
            }
            foreach (var warning in action.Warnings) text.Append("  ! ").Append(warning).Append('\n');
            if (action.CreateRequest is not null)
                text.Append("  create: ").Append(JsonSerializer.Serialize(action.CreateRequest, PlanFixture.Json)).Append('\n');
            if (action.UpdateRequest is not null)
                text.Append("  update: ").Append(JsonSerializer.Serialize(action.UpdateRequest, PlanFixture.Json)).Append('\n');
            if (action.TagChange is { } tags)
                text.Append("  tags: set ").Append(JsonSerializer.Serialize(tags.Set, PlanFixture.Json))
                    .Append(" remove ").Append(JsonSerializer.Serialize(tags.Remove, PlanFixture.Json)).Append('\n');
        }
        foreach (var conflict in plan.Conflicts)
            text.Append("conflict ").Append(conflict.Uuid).Append(" name=").Append(conflict.Name ?? "-").Append(" owner=").Append(conflict.Owner ?? "-").Append('\n');
        foreach (var orphan in plan.Orphans)
            text.Append("orphan ").Append(orphan.Uuid).Append(" name=").Append(orphan.Name ?? "-").Append(" owner=").Append(orphan.Owner ?? "-").Append('\n');
        foreach (var other in plan.Unmanaged)
            text.Append("unmanaged ").Append(other.Uuid).Append(" name=").Append(other.Name ?? "-").Append(" owner=").Append(other.Owner ?? "-").Append('\n');
        var s = plan.Summary;
        text.Append($"summary: create={s.Create} update={s.Update} replace={s.Replace} delete={s.Delete} adopt={s.Adopt} noop={s.Noop}\n");
        return text.ToString();
    }

    private static string Show(System.Text.Json.Nodes.JsonNode? value) => value is null ? "null" : value.ToJsonString(PlanFixture.Json);
}
