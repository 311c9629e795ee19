namespace Esmctl.Targets;

/// <summary>The command-line settings that shape a target. Region: --region (aws: else AWS_REGION or the profile;
/// local: else us-east-1). LocalAccount: the account the local emulator pretends to be. MaxRequestsPerSecond: the
/// request rate cap on the aws target (--max-rps); 0 turns it off; null means 10 per second against AWS and no cap against an endpoint override.</summary>
public sealed record TargetSettings(
    TargetSpec Spec,
    string? Region = null,
    string? EndpointUrl = null,
    string? Profile = null,
    string? LocalAccount = null,
    double? MaxRequestsPerSecond = null)
{
    /// <summary>The options that name a target which were typed on the command line (--target, --endpoint-url,
    /// --region, --local-account), as opposed to defaults: with an esmctl.yaml beside the manifests they are ambiguous.</summary>
    public IReadOnlyList<string> Given { get; init; } = [];
}
