using System.Net.Sockets;
using Reconciler.Core.Api;

namespace Esmctl.Aws;

/// <summary>Why a failed attempt may be tried again, or null when it must not be.</summary>
internal static class RetryReason
{
    /// <summary>
    /// <paramref name="idempotent"/> is false for Create: a 5xx or a dropped connection may have created the mapping
    /// already, and a second Create would make a duplicate (the service only refuses duplicates for some sources),
    /// so those failures go to the engine, which re-lists and adopts by tag. A 429 is refused before any change.
    /// </summary>
    public static (string Reason, RetryCause Cause)? For(Exception error, string operation, bool idempotent)
    {
        switch (error)
        {
            // The request breaks the model's constraints: the same request gets the same answer, so it is reported at
            // once with the service's message, whatever the message says.
            case LambdaApiException e when e.Is(LambdaErrorCodes.Validation):
                return null;
            case LambdaApiException e when e.Is(LambdaErrorCodes.TooManyRequests) || e.StatusCode == 429:
                return ("throttled (TooManyRequestsException)", RetryCause.Throttled);
            case LambdaApiException e when operation == "CreateEventSourceMapping" && IsPropagation(e):
                return ($"{e.ErrorCode} right after creation of an IAM role or function is usually IAM or Lambda "
                    + "eventual consistency", RetryCause.Propagation);
            case LambdaApiException e when idempotent && (e.StatusCode >= 500 || e.Is(LambdaErrorCodes.Service)):
                return ($"service error {e.StatusCode} ({e.ErrorCode})", RetryCause.ServiceError);
            // STS, through the AWS SDK (whose own retries are off): the same causes, in the SDK's exception.
            case Amazon.Runtime.AmazonServiceException e when (int)e.StatusCode == 429 || e.ErrorCode is "Throttling" or "ThrottlingException" or "RequestLimitExceeded":
                return ($"throttled ({e.ErrorCode})", RetryCause.Throttled);
            case Amazon.Runtime.AmazonServiceException e when idempotent && (int)e.StatusCode >= 500:
                return ($"service error {(int)e.StatusCode} ({e.ErrorCode})", RetryCause.ServiceError);
            case HttpRequestException e when idempotent || RefusedBeforeSending(e):
                return ($"network failure ({e.HttpRequestError})", RetryCause.Network);
            case TimeoutException when idempotent:
                return ("request timed out", RetryCause.Network);
            default:
                return null;
        }
    }

    private static bool IsPropagation(LambdaApiException e) =>
        (e.Is(LambdaErrorCodes.InvalidParameterValue)
            && (Contains(e.ServiceMessage, "cannot be assumed by Lambda")
                || Contains(e.ServiceMessage, "execution role does not have permissions")
                // Kinesis and DynamoDB streams: "Cannot access stream ... Please ensure the role can perform ..."
                || Contains(e.ServiceMessage, "ensure the role can perform")
                || Contains(e.ServiceMessage, "function not found")
                || Contains(e.ServiceMessage, "Function does not exist")))
        || (e.Is(LambdaErrorCodes.ResourceNotFound) && Contains(e.ServiceMessage, "function"));

    /// <summary>A refused or unresolvable connection never reached the service, so even Create may repeat.</summary>
    private static bool RefusedBeforeSending(HttpRequestException e) =>
        e.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError
        && e.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionRefused or SocketError.HostNotFound };

    private static bool Contains(string text, string part) => text.Contains(part, StringComparison.OrdinalIgnoreCase);
}
