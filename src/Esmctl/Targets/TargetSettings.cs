namespace Esmctl.Targets;

/// <summary>The settings that shape a target, whichever way they came (command line, the daemon's config file or
/// environment). Region: --region (aws: else AWS_REGION or the profile; local: else us-east-1). LocalAccount: the account
/// the local emulator pretends to be. MaxRequestsPerSecond: the request rate cap on the aws target (--max-rps); 0 turns it
/// off; null means 10 per second against AWS and no cap against an endpoint override.</summary>
public sealed record TargetSettings(
    TargetSpec Spec,
    string? Region = null,
    string? EndpointUrl = null,
    string? Profile = null,
    string? LocalAccount = null,
    double? MaxRequestsPerSecond = null)
{
    /// <summary>What --target means when it is not given, for plan, apply, export and run alike: the embedded local
    /// target, which cannot touch an AWS account by accident (every run prints the target it acts on).</summary>
    public const string DefaultTarget = "local";

    /// <summary>The options that name a target which were typed on the command line (--target, --endpoint-url,
    /// --region, --local-account), as opposed to defaults: with an esmctl.yaml beside the manifests they are ambiguous.</summary>
    public IReadOnlyList<string> Given { get; init; } = [];

    /// <summary>The one reading of the target settings: the settings, or null and a message for a person.</summary>
    public static TargetSettings? Create(
        string? target, string? region, string? endpointUrl, string? profile, string? localAccount, double? maxRequestsPerSecond,
        out string error)
    {
        if (!TargetSpec.TryParse(target ?? DefaultTarget, out var spec, out error)) return null;
        if (maxRequestsPerSecond is { } rps && (!(rps >= 0) || double.IsInfinity(rps)))
        {
            error = $"--max-rps must be 0 (no cap) or a positive number of requests per second, not {maxRequestsPerSecond}";
            return null;
        }
        return new TargetSettings(spec, region, endpointUrl, profile, localAccount, maxRequestsPerSecond);
    }
}
