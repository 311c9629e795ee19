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
            _ => throw new TargetException("the aws target is not available in this build"),
        };
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
