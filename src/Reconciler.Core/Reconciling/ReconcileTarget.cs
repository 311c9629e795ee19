using Reconciler.Core.Api;

namespace Reconciler.Core.Reconciling;

/// <summary>An opened target: the port to its live state (every call counted into <see cref="Calls"/>) and what it is.</summary>
public sealed record ReconcileTarget
{
    public ReconcileTarget(TargetIdentity identity, ILambdaMappingApi api, CallTally calls)
    {
        ArgumentNullException.ThrowIfNull(identity);
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(calls);
        Identity = identity;
        Calls = calls;
        Api = new CountingLambdaApi(api, calls);
    }

    public TargetIdentity Identity { get; }

    /// <summary>The port, counting into <see cref="Calls"/>.</summary>
    public ILambdaMappingApi Api { get; }

    /// <summary>The run's tally: calls by operation and result, and the client's retries.</summary>
    public CallTally Calls { get; }

    public string Account => Identity.Account;

    public string Region => Identity.Region;

    public string Partition => Identity.Partition;

    public string Description => Identity.Description;
}
