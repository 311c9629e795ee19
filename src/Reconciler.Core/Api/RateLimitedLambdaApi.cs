using Reconciler.Core.Model;

namespace Reconciler.Core.Api;

/// <summary>
/// The port with a request rate cap in front of it: every call (reads, writes and tag calls alike, since Lambda's
/// control-plane quota counts them together) first takes a token from a bucket refilled at
/// <see cref="RateLimitOptions.RequestsPerSecond"/>. Callers that find it empty reserve the next free slot and wait
/// for it on the injected <see cref="TimeProvider"/>, so concurrent callers are served in arrival order and the rate
/// holds however many workers run. Concurrency bounds how many calls are in flight; this bounds how many start per second.
/// </summary>
public sealed class RateLimitedLambdaApi : ILambdaMappingApi
{
    private readonly ILambdaMappingApi _inner;
    private readonly TimeProvider _time;
    private readonly double _rate;
    private readonly double _capacity;
    private readonly object _gate = new();
    private double _tokens;
    private long _refilledAt;

    public RateLimitedLambdaApi(ILambdaMappingApi inner, RateLimitOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentNullException.ThrowIfNull(time);
        options.Validated();
        _inner = inner;
        _time = time;
        _rate = options.RequestsPerSecond;
        _capacity = options.EffectiveBurst;
        _tokens = _capacity;
        _refilledAt = time.GetTimestamp();
    }

    public async Task<MappingPage> ListAsync(ListMappingsQuery query, CancellationToken cancellationToken)
    {
        await AcquireAsync(cancellationToken).ConfigureAwait(false);
        return await _inner.ListAsync(query, cancellationToken).ConfigureAwait(false);
    }

    public async Task<LiveMapping> GetAsync(string uuid, CancellationToken cancellationToken)
    {
        await AcquireAsync(cancellationToken).ConfigureAwait(false);
        return await _inner.GetAsync(uuid, cancellationToken).ConfigureAwait(false);
    }

    public async Task<LiveMapping> CreateAsync(MappingConfiguration request, CancellationToken cancellationToken)
    {
        await AcquireAsync(cancellationToken).ConfigureAwait(false);
        return await _inner.CreateAsync(request, cancellationToken).ConfigureAwait(false);
    }

    public async Task<LiveMapping> UpdateAsync(string uuid, MappingConfiguration changes, CancellationToken cancellationToken)
    {
        await AcquireAsync(cancellationToken).ConfigureAwait(false);
        return await _inner.UpdateAsync(uuid, changes, cancellationToken).ConfigureAwait(false);
    }

    public async Task<LiveMapping> DeleteAsync(string uuid, CancellationToken cancellationToken)
    {
        await AcquireAsync(cancellationToken).ConfigureAwait(false);
        return await _inner.DeleteAsync(uuid, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyDictionary<string, string>> ListTagsAsync(string resourceArn, CancellationToken cancellationToken)
    {
        await AcquireAsync(cancellationToken).ConfigureAwait(false);
        return await _inner.ListTagsAsync(resourceArn, cancellationToken).ConfigureAwait(false);
    }

    public async Task TagAsync(string resourceArn, IReadOnlyDictionary<string, string> tags, CancellationToken cancellationToken)
    {
        await AcquireAsync(cancellationToken).ConfigureAwait(false);
        await _inner.TagAsync(resourceArn, tags, cancellationToken).ConfigureAwait(false);
    }

    public async Task UntagAsync(string resourceArn, IReadOnlyCollection<string> tagKeys, CancellationToken cancellationToken)
    {
        await AcquireAsync(cancellationToken).ConfigureAwait(false);
        await _inner.UntagAsync(resourceArn, tagKeys, cancellationToken).ConfigureAwait(false);
    }

    private async Task AcquireAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        TimeSpan wait;
        lock (_gate)
        {
            var now = _time.GetTimestamp();
            var elapsed = _time.GetElapsedTime(_refilledAt, now).TotalSeconds;
            _tokens = Math.Min(_capacity, _tokens + (elapsed * _rate));
            _refilledAt = now;
            // Take the token even when there is none yet: the debt is this caller's place in the queue, and the
            // time until the bucket is back at zero is exactly how long it must wait.
            _tokens -= 1;
            if (_tokens >= 0) return;
            wait = TimeSpan.FromSeconds(-_tokens / _rate);
        }

        try
        {
            await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // A call that never goes out gives its slot back.
            lock (_gate) _tokens = Math.Min(_capacity, _tokens + 1);
            throw;
        }
    }
}
