using Reconciler.Core.Api;

namespace Esmctl.Aws;

/// <summary>A ready `aws` target: the Lambda client and where it points, with the account STS says we are in.</summary>
public sealed record AwsTarget(ILambdaMappingApi Api, string AccountId, string Region, Uri LambdaEndpoint, string CallerArn);
