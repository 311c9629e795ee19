using Esmctl.Aws;
using Reconciler.Core.Api;
using Reconciler.Core.Reconciling;
using Reconciler.Emulator.ControlPlane;
using Reconciler.Emulator.Persistence;

namespace Esmctl.Targets;

/// <summary>
/// Opens the target a command names: where --target (or a target of esmctl.yaml) turns into an
/// <see cref="ILambdaMappingApi"/>. Built once by the composition root with the process's AWS client factory and
/// clock; tests build it over the in-process emulator with their own clock and jitter. Every opened target gets its
/// own <see cref="CallTally"/>, so a run's report counts that run's calls and retries only.
/// </summary>
public sealed class TargetOpener(AwsTargetFactory aws, TimeProvider time)
{
    public Task<ReconcileTarget> OpenAsync(TargetSettings settings, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return settings.Spec.Kind switch
        {
            TargetKind.Local => Task.FromResult(OpenLocal(settings)),
            _ => OpenAwsAsync(new AwsTargetOptions(settings.Region, settings.Profile, settings.EndpointUrl),
                settings.MaxRequestsPerSecond, cancellationToken),
        };
    }

    /// <summary>Opens one target of esmctl.yaml: always the aws kind, with its region, endpoint and role, and the rate cap
    /// of --max-rps (each target its own: the quota is per account and region).</summary>
    public Task<ReconcileTarget> OpenAsync(TargetEntry entry, string? profile, double? maxRequestsPerSecond, CancellationToken cancellationToken) =>
        OpenAwsAsync(new AwsTargetOptions(entry.Region, profile, entry.EndpointUrl, entry.RoleArn), maxRequestsPerSecond, cancellationToken);

    /// <summary>
    /// Lambda's control-plane quota is per account and region and shared with every other caller, so the aws target
    /// is capped (--max-rps) however many workers plan and apply use. The local target is in-process and has no quota.
    /// </summary>
    private async Task<ReconcileTarget> OpenAwsAsync(AwsTargetOptions options, double? maxRequestsPerSecond, CancellationToken cancellationToken)
    {
        var calls = new CallTally();
        try
        {
            var opened = await aws.CreateAsync(options, calls, cancellationToken);
            var rps = maxRequestsPerSecond ?? (IsAws(opened.LambdaEndpoint) ? RateLimitOptions.DefaultRequestsPerSecond : 0);
            var api = rps > 0 ? new RateLimitedLambdaApi(opened.Api, new RateLimitOptions { RequestsPerSecond = rps }.Validated(), time) : opened.Api;
            var identity = new TargetIdentity(TargetIdentity.AwsKind, opened.LambdaEndpoint.ToString(), opened.AccountId, opened.Region,
                PartitionOf(opened.CallerArn));
            return new ReconcileTarget(identity, api, calls);
        }
        catch (AwsConfigurationException e)
        {
            throw new TargetException(e.Message, e);
        }
    }

    /// <summary>AWS's own endpoints carry its quota; an emulator or proxy named by an endpoint override does not.</summary>
    private static bool IsAws(Uri endpoint) =>
        endpoint.Host.EndsWith(".amazonaws.com", StringComparison.OrdinalIgnoreCase)
        || endpoint.Host.EndsWith(".amazonaws.com.cn", StringComparison.OrdinalIgnoreCase);

    /// <summary>The partition of the caller's ARN (arn:aws-cn:iam::...), which function ARNs share.</summary>
    private static string PartitionOf(string callerArn)
    {
        var parts = callerArn.Split(':');
        return parts.Length > 2 && parts[0] == "arn" && parts[1].Length > 0 ? parts[1] : "aws";
    }

    private ReconcileTarget OpenLocal(TargetSettings settings)
    {
        ControlPlaneOptions options;
        try
        {
            options = new ControlPlaneOptions
            {
                AccountId = settings.LocalAccount ?? ControlPlaneOptions.DefaultAccountId,
                Region = settings.Region ?? ControlPlaneOptions.DefaultRegion,
            }.Validated();
        }
        catch (ArgumentException e)
        {
            throw new TargetException(e.Message);
        }
        var controlPlane = new FileBackedControlPlane(settings.Spec.StatePath, options, time);
        var identity = new TargetIdentity(TargetIdentity.LocalKind, controlPlane.StatePath, options.AccountId, options.Region, options.Partition);
        return new ReconcileTarget(identity, controlPlane, new CallTally());
    }
}
