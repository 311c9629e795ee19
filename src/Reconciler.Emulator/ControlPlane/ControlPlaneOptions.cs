using System.Text.RegularExpressions;

namespace Reconciler.Emulator.ControlPlane;

/// <summary>
/// Who the emulated control plane pretends to be and how slowly it settles. The defaults are what the CLI's
/// <c>local</c> target uses: account 123456789012, us-east-1, transitions that settle at once.
/// </summary>
public sealed partial record ControlPlaneOptions
{
    public const string DefaultAccountId = "123456789012";
    public const string DefaultRegion = "us-east-1";

    public string AccountId { get; init; } = DefaultAccountId;
    public string Region { get; init; } = DefaultRegion;
    public string Partition { get; init; } = "aws";

    /// <summary>How long Creating, Enabling, Disabling, Updating and Deleting last. Zero settles them on the next read.</summary>
    public TimeSpan TransitionDwell { get; init; } = TimeSpan.Zero;

    /// <summary>How many recent requests <see cref="EmulatedControlPlane.RequestLog"/> keeps.</summary>
    public int RequestLogCapacity { get; init; } = 1000;

    /// <summary>Throws if an option could not be what AWS would show (start-up validation, not request validation).</summary>
    public ControlPlaneOptions Validated()
    {
        if (!AccountPattern().IsMatch(AccountId))
            throw new ArgumentException($"Account id '{AccountId}' must be 12 digits.", nameof(AccountId));
        if (!RegionPattern().IsMatch(Region))
            throw new ArgumentException($"Region '{Region}' is not a region name such as us-east-1.", nameof(Region));
        if (!PartitionPattern().IsMatch(Partition))
            throw new ArgumentException($"Partition '{Partition}' is not an AWS partition such as aws.", nameof(Partition));
        if (TransitionDwell < TimeSpan.Zero)
            throw new ArgumentException("The transition dwell cannot be negative.", nameof(TransitionDwell));
        if (RequestLogCapacity < 0)
            throw new ArgumentException("The request log capacity cannot be negative.", nameof(RequestLogCapacity));
        return this;
    }

    [GeneratedRegex(@"^\d{12}$")]
    private static partial Regex AccountPattern();

    // The region part of the model's FunctionArn pattern.
    [GeneratedRegex(@"^(eusc-)?[a-z]{2}((-gov)|(-iso([a-z]?)))?-[a-z]+-\d{1}$")]
    private static partial Regex RegionPattern();

    [GeneratedRegex(@"^aws[a-zA-Z-]*$")]
    private static partial Regex PartitionPattern();
}
