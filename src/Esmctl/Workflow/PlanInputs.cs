namespace Esmctl.Workflow;

/// <summary>What a plan is computed from, besides the target.</summary>
public sealed record PlanInputs(IReadOnlyList<string> Paths, string Owner, bool Prune);
