using System.Text.Encodings.Web;
using System.Text.Json;
using Reconciler.Core.Diagnostics;
using Reconciler.Core.Planning;
using Reconciler.Core.Reconciling;

namespace Reconciler.Core.Rendering.Json;

/// <summary>
/// The plan as versioned JSON (formatVersion "1", described by schemas/plan.v1.schema.json): indented two spaces,
/// "\n" line endings, actions and mappings in the same order as the other renderers, ending with one "\n".
/// </summary>
public static class JsonPlanRenderer
{
    private static readonly JsonSerializerOptions Options = new()
    {
        TypeInfoResolver = PlanJsonContext.Default,
        WriteIndented = true,
        NewLine = "\n",
        // The output is a file or a pipe, never HTML: keep ARNs and '+' readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Render(Plan plan) => Serialize(ToDocument(plan));

    public static string Render(Plan plan, SessionScope? scope, IReadOnlyList<Diagnostic> diagnostics) =>
        Serialize(ToDocument(plan, scope, diagnostics));

    /// <summary>A plan the manifests' errors stopped: errored, the diagnostics, empty lists.</summary>
    public static string RenderRejected(SessionScope? scope, IReadOnlyList<Diagnostic> diagnostics) =>
        Serialize(new PlanDocument
        {
            Errored = true,
            Scope = ScopeDocument.Of(scope),
            Diagnostics = diagnostics.Select(DiagnosticDocument.Of).ToList(),
            Actions = [],
            Orphans = [],
            Unmanaged = [],
            Summary = new PlanSummaryDocument(),
        });

    public static string Serialize(PlanDocument document) =>
        JsonSerializer.Serialize(document, Options.GetTypeInfo(typeof(PlanDocument))) + "\n";

    public static PlanDocument ToDocument(Plan plan) => ToDocument(plan, null, []);

    public static PlanDocument ToDocument(Plan plan, SessionScope? scope, IReadOnlyList<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(diagnostics);
        return new PlanDocument
        {
            Scope = ScopeDocument.Of(scope),
            Diagnostics = diagnostics.Select(DiagnosticDocument.Of).ToList(),
            Actions = PlanOrder.Actions(plan).Select(ToDocument).ToList(),
            Conflicts = PlanOrder.Mappings(plan.Conflicts).Select(ToDocument).ToList(),
            Orphans = PlanOrder.Mappings(plan.Orphans).Select(ToDocument).ToList(),
            Unmanaged = PlanOrder.Mappings(plan.Unmanaged).Select(ToDocument).ToList(),
            Summary = new PlanSummaryDocument
            {
                Create = plan.Summary.Create,
                Update = plan.Summary.Update,
                Replace = plan.Summary.Replace,
                Delete = plan.Summary.Delete,
                Adopt = plan.Summary.Adopt,
                Noop = plan.Summary.Noop,
                Conflicts = plan.Conflicts.Count,
                Orphans = plan.Orphans.Count,
                Pending = plan.HasPendingChanges,
            },
        };
    }

    private static PlanActionDocument ToDocument(PlannedAction action) => new()
    {
        Name = action.Name,
        Action = PlanActionWords.Word(action.Kind),
        Uuid = action.Uuid,
        Changes = action.Changes.Select(c => new FieldChangeDocument
        {
            Field = c.Field,
            // Copies: a JsonNode belongs to one tree, and the document must not share mutable state with the plan.
            Before = c.Before?.DeepClone(),
            After = c.After?.DeepClone(),
            ForcesReplacement = c.ForcesReplacement,
        }).ToList(),
        Warnings = action.Warnings.ToList(),
    };

    private static LiveMappingDocument ToDocument(LiveMappingSummary mapping) => new()
    {
        Uuid = mapping.Uuid,
        FunctionArn = mapping.FunctionArn,
        EventSourceArn = mapping.EventSourceArn,
        State = mapping.State,
        Name = mapping.Name,
        Owner = mapping.Owner,
    };
}
