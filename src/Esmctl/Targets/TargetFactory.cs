using Esmctl.Aws;
using Reconciler.Emulator.ControlPlane;
using Reconciler.Emulator.Persistence;

namespace Esmctl.Targets;

/// <summary>Opens the target a command names. This is where --target turns into an <see cref="Reconciler.Core.Api.ILambdaMappingApi"/>.</summary>
public static class TargetFactory
{
    public static Task<Target> OpenAsync(TargetSettings settings, TimeProvider time, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return settings.Spec.Kind switch
        {
            TargetKind.Local => Task.FromResult(OpenLocal(settings, time)),
            _ => OpenAwsAsync(settings, cancellationToken),
        };
    }

    /// <summary>Opens one target of esmctl.yaml: always the aws kind, with its region, endpoint and role.</summary>
    public static Task<Target> OpenAsync(TargetEntry entry, string? profile, CancellationToken cancellationToken) =>
        OpenAwsAsync(new AwsTargetOptions(entry.Region, profile, entry.EndpointUrl, entry.RoleArn), cancellationToken);

    private static Task<Target> OpenAwsAsync(TargetSettings settings, CancellationToken cancellationToken) =>
        OpenAwsAsync(new AwsTargetOptions(settings.Region, settings.Profile, settings.EndpointUrl), cancellationToken);

    private static async Task<Target> OpenAwsAsync(AwsTargetOptions options, CancellationToken cancellationToken)
    {
        try
        {
            var aws = await AwsTargetFactory.ForProcess().CreateAsync(options, cancellationToken);
            return new Target($"aws ({aws.LambdaEndpoint}, account {aws.AccountId})", aws.Api, aws.AccountId, aws.Region, PartitionOf(aws.CallerArn));
        }
        catch (AwsConfigurationException e)
        {
            throw new TargetException(e.Message, e);
        }
    }

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
