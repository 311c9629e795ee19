using Esmctl.Aws;
using Reconciler.Core.Api;
using Reconciler.Emulator.ControlPlane;
using Reconciler.Emulator.Persistence;

namespace Esmctl.Targets;

/// <summary>Opens the target a command names. This is where --target turns into an <see cref="ILambdaMappingApi"/>.</summary>
public static class TargetFactory
{
    public static Task<Target> OpenAsync(TargetSettings settings, TimeProvider time, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return settings.Spec.Kind switch
        {
            TargetKind.Local => Task.FromResult(OpenLocal(settings, time)),
            _ => OpenAwsAsync(settings, time, cancellationToken),
        };
    }

    /// <summary>Opens one target of esmctl.yaml: always the aws kind, with its region, endpoint and role, at the default rate cap.</summary>
    public static Task<Target> OpenAsync(TargetEntry entry, string? profile, TimeProvider time, CancellationToken cancellationToken) =>
        OpenAwsAsync(new AwsTargetOptions(entry.Region, profile, entry.EndpointUrl, entry.RoleArn), null, time, cancellationToken);

    private static Task<Target> OpenAwsAsync(TargetSettings settings, TimeProvider time, CancellationToken cancellationToken) =>
        OpenAwsAsync(new AwsTargetOptions(settings.Region, settings.Profile, settings.EndpointUrl),
            settings.MaxRequestsPerSecond, time, cancellationToken);

    /// <summary>
    /// Lambda's control-plane quota is per account and region and shared with every other caller, so the aws target
    /// is capped (--max-rps) however many workers plan and apply use. The local target is in-process and has no quota.
    /// </summary>
    private static async Task<Target> OpenAwsAsync(AwsTargetOptions options, double? maxRequestsPerSecond, TimeProvider time, CancellationToken cancellationToken)
    {
        try
        {
            var aws = await AwsTargetFactory.ForProcess().CreateAsync(options, cancellationToken);
            var rps = maxRequestsPerSecond ?? (IsAws(aws.LambdaEndpoint) ? RateLimitOptions.DefaultRequestsPerSecond : 0);
            var api = rps > 0 ? new RateLimitedLambdaApi(aws.Api, new RateLimitOptions { RequestsPerSecond = rps }.Validated(), time) : aws.Api;
            return new Target($"aws ({aws.LambdaEndpoint}, account {aws.AccountId})", api, aws.AccountId, aws.Region, PartitionOf(aws.CallerArn));
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

    private static Target OpenLocal(TargetSettings settings, TimeProvider time)
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
        return new Target($"local ({controlPlane.StatePath})", controlPlane, options.AccountId, options.Region, options.Partition);
    }
}
