namespace Reconciler.Core.Model;

/// <summary>
/// One mapping as the service reports it (EventSourceMappingConfiguration). The response carries no Enabled,
/// no FunctionName and no Tags: <see cref="Configuration"/> has FunctionName = FunctionArn, Enabled derived
/// from <see cref="State"/>, and Tags null.
/// </summary>
public sealed record LiveMapping
{
    public required string Uuid { get; init; }
    public required string EventSourceMappingArn { get; init; }
    public required string FunctionArn { get; init; }
    /// <summary>Creating, Enabling, Enabled, Disabling, Disabled, Updating or Deleting.</summary>
    public required string State { get; init; }
    public string? StateTransitionReason { get; init; }
    public DateTimeOffset? LastModified { get; init; }
    public string? LastProcessingResult { get; init; }
    public FilterCriteriaError? FilterCriteriaError { get; init; }
    public required MappingConfiguration Configuration { get; init; }

    public bool IsTransitional => MappingStates.IsTransitional(State);
}
