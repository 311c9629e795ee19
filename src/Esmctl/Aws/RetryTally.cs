using Reconciler.Core.Api;

namespace Esmctl.Aws;

/// <summary>
/// Counts what the client's retry layer did over a run (tries repeated, by reason, and calls given up), so the
/// apply report can say what was retried; the retries themselves stay invisible to the engine by design.
/// Shared by concurrent calls, hence Interlocked. <see cref="Process"/> is the tally of the esmctl process.
/// </summary>
public sealed class RetryTally
{
    private int _throttled;
    private int _serviceErrors;
    private int _network;
    private int _propagation;
    private int _gaveUp;

    /// <summary>The tally of this esmctl process: one command per process, so one run.</summary>
    public static RetryTally Process { get; } = new();

    internal void Retried(Exception error, bool propagation)
    {
        if (propagation) Interlocked.Increment(ref _propagation);
        else if (error is LambdaApiException { StatusCode: 429 } || error is LambdaApiException e && e.Is(LambdaErrorCodes.TooManyRequests))
            Interlocked.Increment(ref _throttled);
        else if (error is LambdaApiException) Interlocked.Increment(ref _serviceErrors);
        else Interlocked.Increment(ref _network); // HttpRequestException, SocketException, TimeoutException
    }

    internal void GaveUp() => Interlocked.Increment(ref _gaveUp);

    public RetrySummary Snapshot() => new(
        Volatile.Read(ref _throttled), Volatile.Read(ref _serviceErrors), Volatile.Read(ref _network),
        Volatile.Read(ref _propagation), Volatile.Read(ref _gaveUp));
}
