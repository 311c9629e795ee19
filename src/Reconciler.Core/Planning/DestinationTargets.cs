using Reconciler.Core.Model;

namespace Reconciler.Core.Planning;

/// <summary>
/// AWS refuses an OnFailure or OnSuccess object without its Destination ("The Destination field is required for an
/// OnFailure configuration."), and echoes <c>{"OnFailure": {}}</c> on streams for "no destination". So a request never
/// carries one: such an object means no destination, which a create says by leaving DestinationConfig out and an update
/// by <c>DestinationConfig: {}</c>. Validation refuses a manifest that writes one (SettingRules.CheckDestinationGiven);
/// this keeps any spec that did not pass through it (a saved plan re-derived, a test, a future entry point) from
/// sending what AWS refuses.
/// </summary>
internal static class DestinationTargets
{
    /// <summary>The create request: destination objects without a destination dropped, and DestinationConfig with them
    /// when nothing is left.</summary>
    public static MappingConfiguration ForCreate(MappingConfiguration spec) =>
        spec.DestinationConfig is not { } config ? spec
            : Kept(config) is { OnFailure: null, OnSuccess: null } ? spec with { DestinationConfig = null }
            : spec with { DestinationConfig = Kept(config) };

    /// <summary>The update request: destination objects without a destination dropped; an empty DestinationConfig stays,
    /// because that is how Update removes the destination.</summary>
    public static MappingConfiguration ForUpdate(MappingConfiguration update) =>
        update.DestinationConfig is { } config ? update with { DestinationConfig = Kept(config) } : update;

    private static DestinationConfig Kept(DestinationConfig config) => new(
        string.IsNullOrEmpty(config.OnFailure?.Destination) ? null : config.OnFailure,
        string.IsNullOrEmpty(config.OnSuccess?.Destination) ? null : config.OnSuccess);
}
