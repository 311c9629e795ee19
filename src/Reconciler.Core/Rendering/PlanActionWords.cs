using Reconciler.Core.Planning;

namespace Reconciler.Core.Rendering;

/// <summary>The words every renderer uses for an action kind, so text, Markdown and JSON never disagree.</summary>
public static class PlanActionWords
{
    /// <summary>The machine word, as in the JSON format: create, update, replace, delete, adopt, noop.</summary>
    public static string Word(PlanActionKind kind) => kind switch
    {
        PlanActionKind.Create => "create",
        PlanActionKind.Update => "update",
        PlanActionKind.Replace => "replace",
        PlanActionKind.Delete => "delete",
        PlanActionKind.Adopt => "adopt",
        PlanActionKind.Noop => "noop",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown plan action kind."),
    };

    /// <summary>The end of a Terraform-style header: "# name will be created".</summary>
    public static string Outcome(PlanActionKind kind) => kind switch
    {
        PlanActionKind.Create => "will be created",
        PlanActionKind.Update => "will be updated in-place",
        PlanActionKind.Replace => "must be replaced",
        PlanActionKind.Delete => "will be destroyed",
        PlanActionKind.Adopt => "will be adopted (tagged as managed by esmctl)",
        PlanActionKind.Noop => "is unchanged",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown plan action kind."),
    };

    public static bool IsDestructive(PlanActionKind kind) => kind is PlanActionKind.Replace or PlanActionKind.Delete;
}
