using System.Text.Json.Nodes;
using Reconciler.Core.Fields;
using Reconciler.Core.Model;

namespace Reconciler.Core.Tests.Fields;

/// <summary>What the API model does not say about a member and the service does: one entry of <see cref="FieldFacts"/>,
/// keyed by the member's wire path. <see cref="Note"/> says where the fact comes from; it is copied into the table.</summary>
internal sealed record FieldFact
{
    public SourceKind[]? AcceptedBy { get; init; }
    public IReadOnlyDictionary<SourceKind, JsonNode> Defaults { get; init; } = new Dictionary<SourceKind, JsonNode>();
    public bool DefaultsOnlyWhenGiven { get; init; }
    public Clearing? Clearing { get; init; }
    public FieldComparison? Compare { get; init; }
    /// <summary>With <see cref="FieldComparison.AssignedByService"/>: the kinds it is assigned for (null: every kind).</summary>
    public SourceKind[]? AssignedFor { get; init; }
    /// <summary>Create-only although the model lists it in Update (stated in the documentation's prose).</summary>
    public bool CreateOnly { get; init; }
    /// <summary>A string the model types as String but that holds JSON.</summary>
    public bool JsonText { get; init; }
    public required string Note { get; init; }
}
