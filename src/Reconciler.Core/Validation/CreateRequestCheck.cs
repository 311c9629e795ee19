using Reconciler.Core.Model;

namespace Reconciler.Core.Validation;

/// <summary>
/// The offline check of a complete CreateEventSourceMapping request (ownership tags included): every rule AWS
/// enforces that can be decided without AWS. Apply calls it before a replacement deletes the old mapping, so a
/// request AWS would refuse never costs the mapping it replaces. Manifest validation runs the same rules (they
/// have one home, <see cref="RequestRules"/>), so a request built from a valid manifest passes unless something
/// added after loading (the owner tag's value, a hand-edited saved plan) breaks a rule.
/// </summary>
public static class CreateRequestCheck
{
    /// <summary>The problems AWS would refuse <paramref name="request"/> for; empty when none is known offline.
    /// <paramref name="clock"/> judges "not in the future" for startingPositionTimestamp.</summary>
    public static IReadOnlyList<RequestProblem> Check(MappingConfiguration request, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(clock);
        return RequestRules.Check(request, clock);
    }
}
