namespace Reconciler.Core.Reconciling;

/// <summary>
/// Where a run acts, as every output names it: the kind of target (local or aws), its location (the local state file,
/// or the Lambda endpoint), and the account, region and partition it answers for. The partition, account and region
/// also turn a manifest's function name into the ARN a live mapping reports.
/// </summary>
public sealed record TargetIdentity(string Kind, string Location, string Account, string Region, string Partition)
{
    public const string LocalKind = "local";
    public const string AwsKind = "aws";

    /// <summary>"local (.esmctl/local-state.json)" or "aws (https://lambda.us-east-1.amazonaws.com/, account 123456789012)".</summary>
    public string Description => Kind == LocalKind ? $"local ({Location})" : $"{Kind} ({Location}, account {Account})";

    public override string ToString() => Description;
}
