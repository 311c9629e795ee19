namespace Esmctl.Aws;

/// <summary>What the user said about where the `aws` target lives; every member is optional and falls back to the
/// SDK's own chains (AWS_REGION and the profile for the region, AWS_PROFILE for the profile, AWS_ENDPOINT_URL_* for
/// endpoints).</summary>
public sealed record AwsTargetOptions(string? Region = null, string? Profile = null, string? EndpointUrl = null);
