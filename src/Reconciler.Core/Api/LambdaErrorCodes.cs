namespace Reconciler.Core.Api;

/// <summary>The error codes the model lists for the ESM and tag operations.</summary>
public static class LambdaErrorCodes
{
    public const string InvalidParameterValue = "InvalidParameterValueException";
    public const string ResourceConflict = "ResourceConflictException";
    public const string ResourceInUse = "ResourceInUseException";
    public const string ResourceNotFound = "ResourceNotFoundException";
    public const string TooManyRequests = "TooManyRequestsException";
    public const string Service = "ServiceException";
    public const string AccessDenied = "AccessDeniedException";
}
