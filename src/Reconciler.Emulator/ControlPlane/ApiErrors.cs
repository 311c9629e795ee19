using Reconciler.Core.Api;
using Reconciler.Emulator.ApiModel;

namespace Reconciler.Emulator.ControlPlane;

/// <summary>The errors the control plane answers with, with the status codes and wording AWS uses (recorded where
/// the wording is given; see docs/aws.md).</summary>
internal static class ApiErrors
{
    public static LambdaApiException InvalidParameter(string message) =>
        new(LambdaErrorCodes.InvalidParameterValue, message, 400);

    /// <summary>A value outside the model's constraints: 400 ValidationException, "1 validation error detected: ...".</summary>
    public static LambdaApiException Validation(IReadOnlyCollection<ConstraintViolation> violations) =>
        new(LambdaErrorCodes.Validation, ConstraintViolation.Summary(violations), 400);

    /// <summary>A member the service itself requires (not the model): InvalidParameterValueException worded as a
    /// constraint, e.g. "1 validation error detected: Value null at 'startingPosition' failed to satisfy constraint:
    /// Member must not be null." (recorded).</summary>
    public static LambdaApiException RequiredByService(string path) =>
        InvalidParameter(ConstraintViolation.Summary([ConstraintViolation.Null(path)]) + ".");

    public static LambdaApiException NotFound(string message) =>
        new(LambdaErrorCodes.ResourceNotFound, message, 404);

    /// <summary>Get, Update or Delete of an unknown UUID (recorded wording).</summary>
    public static LambdaApiException MappingNotFound() => NotFound("The resource you requested does not exist.");

    /// <summary>A tag operation on the ARN of a mapping that does not exist (recorded wording).</summary>
    public static LambdaApiException TaggedMappingNotFound(string arn) => NotFound($"Event source mapping not found: {arn}");

    // ResourceInUseException is a 400 like InvalidParameterValueException: clients tell them apart by code. AWS names
    // the operation and neither the mapping nor its state (quoted from the service by users; see docs/aws.md).
    public static LambdaApiException UpdateInUse() =>
        new(LambdaErrorCodes.ResourceInUse, "Cannot update the event source mapping because it is in use.", 400);

    public static LambdaApiException DeleteInUse() =>
        new(LambdaErrorCodes.ResourceInUse, "Cannot delete the event source mapping because it is in use.", 400);

    public static LambdaApiException Conflict(string message) =>
        new(LambdaErrorCodes.ResourceConflict, message, 409);
}
