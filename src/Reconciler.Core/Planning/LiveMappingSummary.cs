namespace Reconciler.Core.Planning;

/// <summary>A live mapping the plan reports without acting on it (an orphan, or an unmanaged neighbour).</summary>
public sealed record LiveMappingSummary(
    string Uuid,
    string FunctionArn,
    string? EventSourceArn,
    string State,
    string? Name,
    string? Owner);
