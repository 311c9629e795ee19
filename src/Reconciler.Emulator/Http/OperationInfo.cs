namespace Reconciler.Emulator.Http;

/// <summary>Endpoint metadata: which API operation a route serves, and whether it can change state. The pipeline
/// reads it for auth, faults and the request log before the handler runs.</summary>
internal sealed record OperationInfo(string Name, bool Mutating, bool IsLambda = true)
{
    public const string GetCallerIdentity = "GetCallerIdentity";
    public const string Unknown = "Unknown";
}
