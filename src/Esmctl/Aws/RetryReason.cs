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
    public static (string Reason, bool Propagation)? For(Exception error, string operation, bool idempotent)
    {
        switch (error)
        {
            // The request breaks the model's constraints: the same request gets the same answer, so it is reported at
            // once with the service's message, whatever the message says.
            case LambdaApiException e when e.Is(LambdaErrorCodes.Validation):
                return null;
            case LambdaApiException e when e.Is(LambdaErrorCodes.TooManyRequests) || e.StatusCode == 429:
                return ("throttled (TooManyRequestsException)", false);
            case LambdaApiException e when operation == "CreateEventSourceMapping" && IsPropagation(e):
                return ($"{e.ErrorCode} right after creation of an IAM role or function is usually IAM or Lambda "
                    + "eventual consistency", true);
            case LambdaApiException e when idempotent && (e.StatusCode >= 500 || e.Is(LambdaErrorCodes.Service)):
                return ($"service error {e.StatusCode} ({e.ErrorCode})", false);
            case HttpRequestException e when idempotent || RefusedBeforeSending(e):
                return ($"network failure ({e.HttpRequestError})", false);
            case TimeoutException when idempotent:
                return ("request timed out", false);
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
