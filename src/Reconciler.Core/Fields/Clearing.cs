using System.Text.Json.Nodes;
using Reconciler.Core.Model;

namespace Reconciler.Core.Fields;

/// <summary>
/// How a member is removed by UpdateEventSourceMapping. <see cref="Kinds"/>, when set, limits <see cref="Kind"/> to
/// those source kinds; for every other kind the member cannot be cleared, for <see cref="Reason"/>.
/// <see cref="Value"/> is in the model's own shape (wire member names), as in a request body.
/// </summary>
public sealed record Clearing(ClearingKind Kind, JsonNode? Value = null, IReadOnlySet<SourceKind>? Kinds = null, string? Reason = null)
{
    public static Clearing Inherit { get; } = new(ClearingKind.Inherit);

    public static Clearing Replace { get; } = new(ClearingKind.Replace);

    /// <summary>The rule for one source kind: <see cref="Kind"/>, or Cannot where <see cref="Kinds"/> excludes it.</summary>
    public Clearing For(SourceKind kind) =>
        Kinds is null || Kinds.Contains(kind) ? this : new Clearing(ClearingKind.Cannot, Reason: Reason);
}
