using Reconciler.Core.Api;

namespace Esmctl.Daemon;

/// <summary>
/// Which failures of one mapping are worth retrying. Terminal: the request itself is wrong or not allowed, so
/// sending it again gives the same answer until the manifest (or the role) changes. Transient: everything else:
/// throttling, service errors, a mapping busy or in conflict, a settle timeout, the network.
/// </summary>
public static class FailureClassifier
{
    /// <summary>The daemon's own code for deletes held back because a tick would delete more than MaxDeletes.</summary>
    public const string DeleteLimitExceeded = "DeleteLimitExceeded";

    private static readonly HashSet<string> TerminalCodes = new(StringComparer.Ordinal)
    {
        LambdaErrorCodes.InvalidParameterValue,
        LambdaErrorCodes.AccessDenied,
        // The 4xx validation family AWS services answer besides the ones the Lambda model lists for these operations.
        "ValidationException",
        "InvalidRequestContentException",
        "RequestTooLargeException",
        "UnsupportedMediaTypeException",
        "KMSAccessDeniedException",
        DeleteLimitExceeded,
    };

    public static FailureClass Classify(string errorCode) =>
        TerminalCodes.Contains(errorCode) ? FailureClass.Terminal : FailureClass.Transient;
}
