using Microsoft.Extensions.Logging;
using Reconciler.Core.Api;
using Reconciler.Core.Retrying;

namespace Esmctl.Aws;

/// <summary>
/// The client's only retry layer. Time passes through the injected TimeProvider and the jitter comes from an
/// injected source (a function returning [0, 1)), so tests run it without sleeping and can pin every delay.
/// </summary>
internal sealed class RetryLoop(RetryOptions options, TimeProvider time, Func<double> jitter, ILogger logger, CallTally? tally = null)
{
    public async Task<T> RunAsync<T>(
        string operation, bool idempotent, Func<CancellationToken, Task<T>> attempt, CancellationToken cancellationToken)
    {
        var started = time.GetUtcNow();
        var transientFailures = 0;
        for (var tries = 1; ; tries++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                return await attempt(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception error) when (!cancellationToken.IsCancellationRequested
                && RetryReason.For(error, operation, idempotent) is { } why)
            {
                var elapsed = time.GetUtcNow() - started;
                var propagation = why.Cause == RetryCause.Propagation;
                if (!propagation) transientFailures++;
                var exhausted = propagation
                    ? elapsed >= options.PropagationWindow
                    : transientFailures >= options.MaxAttempts;
                var delay = Delay(propagation ? tries : transientFailures);
                if (exhausted || elapsed + delay > options.Deadline)
                {
                    logger.LogWarning("{Operation} failed after {Tries} tries in {Elapsed}: {Reason}; giving up",
                        operation, tries, elapsed, why.Reason);
                    tally?.GaveUp();
                    throw;
                }
                logger.LogInformation("{Operation} try {Try} failed: {Reason}; retrying in {Delay}",
                    operation, tries, why.Reason, delay);
                tally?.Retried(why.Cause);
                await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Full jitter: uniformly random between zero and the capped exponential step.</summary>
    private TimeSpan Delay(int failures) => Backoff.FullJitter(failures, options.BaseDelay, options.MaxDelay, jitter());
}
