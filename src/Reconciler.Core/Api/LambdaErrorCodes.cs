namespace Reconciler.Core.Api;

/// <summary>The error codes the model lists for the ESM and tag operations, and the service's request validation
/// error, which the model does not list but the service answers (recorded).</summary>
public static class LambdaErrorCodes
{
    public const string InvalidParameterValue = "InvalidParameterValueException";
    public const string ResourceConflict = "ResourceConflictException";
    public const string ResourceInUse = "ResourceInUseException";
    public const string ResourceNotFound = "ResourceNotFoundException";
    public const string TooManyRequests = "TooManyRequestsException";
    public const string Service = "ServiceException";
    public const string AccessDenied = "AccessDeniedException";
    /// <summary>A value outside the model's constraints (an enum, a range, a length, a pattern, a required member): HTTP 400,
    /// "1 validation error detected: Value ... at '...' failed to satisfy constraint: ...". Input error, never retried.</summary>
    public const string Validation = "ValidationException";
}
