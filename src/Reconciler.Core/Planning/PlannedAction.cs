using Reconciler.Core.Manifests;
using Reconciler.Core.Model;

namespace Reconciler.Core.Planning;

/// <summary>
/// What the plan does to one mapping. Changes and Warnings explain it to people; apply acts only on the
/// requests (CreateRequest, UpdateRequest, TagChange) and never decides from the explanations.
/// </summary>
public sealed record PlannedAction
{
    /// <summary>metadata.name, or for a mapping no manifest claims, its esmctl:name tag or UUID.</summary>
    public required string Name { get; init; }
    public required PlanActionKind Kind { get; init; }
    /// <summary>The live mapping's UUID; null for a create.</summary>
    public string? Uuid { get; init; }
    public DesiredMapping? Desired { get; init; }
    public LiveMapping? Live { get; init; }
    public IReadOnlyList<FieldChange> Changes { get; init; } = [];
    /// <summary>What a person should know: data a replacement can lose, values the API cannot clear.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>Create and Replace: the complete CreateEventSourceMapping request, ownership tags included.</summary>
    public MappingConfiguration? CreateRequest { get; init; }
    /// <summary>Update and Adopt: only the changed updatable members, with the API's clearing values for removed ones.</summary>
    public MappingConfiguration? UpdateRequest { get; init; }
    /// <summary>Update and Adopt: tag differences on the mapping's ARN.</summary>
    public TagChange? TagChange { get; init; }
}
