namespace Esmctl.Aws;

/// <summary>What the user said about where the `aws` target lives; every member is optional and falls back to the
/// SDK's own chains (AWS_REGION and the profile for the region, AWS_PROFILE for the profile, AWS_ENDPOINT_URL_* for
/// endpoints). RoleArn: a role to assume (STS AssumeRole) with those credentials before anything else.</summary>
public sealed record AwsTargetOptions(string? Region = null, string? Profile = null, string? EndpointUrl = null, string? RoleArn = null);
