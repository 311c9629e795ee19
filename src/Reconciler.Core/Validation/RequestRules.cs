using Reconciler.Core.Model;

namespace Reconciler.Core.Validation;

/// <summary>The rules AWS enforces on a CreateEventSourceMapping request, decidable without AWS.</summary>
internal static class RequestRules
{
    public static IReadOnlyList<RequestProblem> Check(MappingConfiguration request, TimeProvider clock) => [];
}
