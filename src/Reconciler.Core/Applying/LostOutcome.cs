using Reconciler.Core.Api;

namespace Reconciler.Core.Applying;

/// <summary>
/// Whether a failed write may still have taken effect: a 5xx, a lost connection, a timeout (not this run's own abort),
/// or a success whose body could not be read. A 4xx is the service refusing before any change. The API client has
/// already repeated what it may; what remains is for the applier to look at (a create, a delete).
/// </summary>
internal static class LostOutcome
{
    public static bool Is(Exception failure, CancellationToken abort) => failure switch
    {
        LambdaApiException answer => answer.StatusCode >= 500 || answer.StatusCode is >= 200 and < 300 || answer.Is(LambdaErrorCodes.Service),
        ApplyFailure => false,
        OperationCanceledException => !abort.IsCancellationRequested,
        _ => true,
    };

    /// <summary>"ServiceException: message", "HttpRequestException: message".</summary>
    public static string Describe(Exception failure) =>
        failure is LambdaApiException answer ? $"{answer.ErrorCode}: {answer.ServiceMessage}" : $"{failure.GetType().Name}: {failure.Message}";

    /// <summary>The code an outcome reports for it: the API's error code, else the exception's type.</summary>
    public static string Code(Exception failure) => failure is LambdaApiException answer ? answer.ErrorCode : failure.GetType().Name;
}
