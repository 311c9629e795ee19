namespace Reconciler.Emulator.ControlPlane.Behaviour;

/// <summary>How the service answers for one kind of event source: the StateTransitionReason it sets, the
/// LastProcessingResult a new mapping shows (null: none), the defaults a Create fills in and the values every
/// answer echoes where the mapping has none.</summary>
internal sealed record SourceBehaviour(
    BehaviourEntry StateTransitionReason,
    BehaviourEntry? LastProcessingResult,
    IReadOnlyList<BehaviourEntry> Defaults,
    IReadOnlyList<BehaviourEntry> Echoes)
{
    public string Reason => StateTransitionReason.Value.GetValue<string>();

    public string? InitialProcessingResult => LastProcessingResult?.Value.GetValue<string>();
}
