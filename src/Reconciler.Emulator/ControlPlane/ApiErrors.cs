using Reconciler.Core.Api;

namespace Reconciler.Emulator.ControlPlane;

/// <summary>The errors the control plane answers with, with the status codes the model gives them.</summary>
internal static class ApiErrors
{
    public static LambdaApiException InvalidParameter(string message) =>
        new(LambdaErrorCodes.InvalidParameterValue, message, 400);

    public static LambdaApiException NotFound(string message) =>
        new(LambdaErrorCodes.ResourceNotFound, message, 404);

    public static LambdaApiException MappingNotFound(string uuid) =>
        NotFound($"The resource you requested does not exist. (Service: Lambda, Status Code: 404, Request ID: {uuid})");

    // ResourceInUseException is a 400 like InvalidParameterValueException: clients tell them apart by code.
    public static LambdaApiException InUse(string uuid, string state) =>
        new(LambdaErrorCodes.ResourceInUse,
            $"Cannot update or delete the event source mapping {uuid} because it is in use (state {state}). Please try again later.",
            400);

    public static LambdaApiException Conflict(string message) =>
        new(LambdaErrorCodes.ResourceConflict, message, 409);
}
