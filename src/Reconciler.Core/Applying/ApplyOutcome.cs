using Reconciler.Core.Planning;

namespace Reconciler.Core.Applying;

/// <summary>
/// What happened to one planned action. Uuid is the resulting mapping (the new one after a create or replace,
/// the deleted one after a delete;
/// after a failure, the mapping last acted on, or null when none exists yet). Calls counts every API call made for the action, Retries the calls
/// repeated after ResourceInUseException, Waits the polls spent waiting for a mapping to settle or disappear.
/// Detail says what a person should know about a success that took an unusual path (an adopted conflict).
/// </summary>
public sealed record ApplyOutcome(
    string Name,
    PlanActionKind Kind,
    ApplyResult Result,
    string? Uuid,
    ApplyError? Error,
    int Calls,
    int Retries,
    int Waits,
    string? Detail = null);
