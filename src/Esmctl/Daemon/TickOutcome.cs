using Reconciler.Core.Api;
using Reconciler.Core.Diagnostics;
using Reconciler.Core.Reconciling;

namespace Esmctl.Daemon;

/// <summary>What one tick found and did. A value: the loop turns it into status, metrics and backoff.</summary>
public sealed record TickOutcome(TickResult Result)
{
    /// <summary>Problems in the manifests (errors and warnings).</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; init; } = [];

    /// <summary>The plan and its results exactly as `plan --output json` prints them; opaque to the daemon.
    /// Null when the tick did not get as far as a plan.</summary>
    public string? PlanJson { get; init; }

    /// <summary>Mappings this owner manages (null when the tick did not read live state).</summary>
    public int? ManagedMappings { get; init; }

    /// <summary>Managed mappings whose live state differs from the manifests (null when not measured).</summary>
    public int? DriftedMappings { get; init; }

    /// <summary>Each of them, with what the plan does and the fields that differ.</summary>
    public IReadOnlyList<DriftedMapping> Drift { get; init; } = [];

    /// <summary>Where and as whom the tick acted, once its target was opened.</summary>
    public SessionScope? Scope { get; init; }

    public IReadOnlyList<ActionCount> Actions { get; init; } = [];

    public IReadOnlyList<ApiRequestCount> ApiRequests { get; init; } = [];

    /// <summary>Mappings that failed this tick; the loop records them into the <see cref="MappingBackoff"/>.</summary>
    public IReadOnlyList<MappingFailure> Failures { get; init; } = [];

    /// <summary>Mappings attempted this tick that are now converged: their backoff is cleared.</summary>
    public IReadOnlyList<string> Settled { get; init; } = [];

    /// <summary>Why the tick's deletes were skipped (pruning from input that may be damaged), or null.</summary>
    public string? DeletesHeld { get; init; }

    /// <summary>Why the tick failed, for logs and /status (Failed only).</summary>
    public string? Error { get; init; }

    public int DiagnosticsCount => Diagnostics.Count;

    public static TickOutcome Failure(string error) => new(TickResult.Failed) { Error = error };
}
