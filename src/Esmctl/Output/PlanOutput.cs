using Esmctl.Commands;
using Reconciler.Core.Planning;
using Reconciler.Core.Rendering;
using Reconciler.Core.Rendering.Json;

namespace Esmctl.Output;

/// <summary>Renders a plan in the format asked for; the renderers are pure functions of the plan.</summary>
public static class PlanOutput
{
    public static string Render(Plan plan, OutputFormat format, bool color) => format switch
    {
        OutputFormat.Json => JsonPlanRenderer.Render(plan),
        OutputFormat.Markdown => MarkdownPlanRenderer.Render(plan),
        _ => TextPlanRenderer.Render(plan, new TextPlanOptions { UseColor = color }),
    };
}
