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

    private static async Task<Target> OpenAwsAsync(TargetSettings settings, TimeProvider time, CancellationToken cancellationToken)
    {
        try
        {
            var aws = await AwsTargetFactory.ForProcess().CreateAsync(
                new AwsTargetOptions(settings.Region, settings.Profile, settings.EndpointUrl), cancellationToken);
            return new Target($"aws ({aws.LambdaEndpoint}, account {aws.AccountId})", RateCapped(aws.Api, settings, time), aws.AccountId, aws.Region, PartitionOf(aws.CallerArn));
        }
        catch (AwsConfigurationException e)
        {
            throw new TargetException(e.Message, e);
        }
    }

    /// <summary>
    /// Lambda's control-plane quota is per account and region and shared with every other caller, so the aws target
    /// is capped (--max-rps) however many workers plan and apply use. The local target is in-process and has no quota.
    /// </summary>
    private static ILambdaMappingApi RateCapped(ILambdaMappingApi api, TargetSettings settings, TimeProvider time) =>
        settings.MaxRequestsPerSecond > 0
            ? new RateLimitedLambdaApi(api, new RateLimitOptions { RequestsPerSecond = settings.MaxRequestsPerSecond }, time)
            : api;

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
