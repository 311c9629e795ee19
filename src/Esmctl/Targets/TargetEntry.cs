namespace Esmctl.Targets;

/// <summary>One target of esmctl.yaml: a name for people, the region and account it must be, and optionally a role
/// to assume (STS AssumeRole) and an endpoint (an emulator, or a VPC endpoint).</summary>
public sealed record TargetEntry(string Name, string Region, string Account, string? RoleArn = null, string? EndpointUrl = null);
