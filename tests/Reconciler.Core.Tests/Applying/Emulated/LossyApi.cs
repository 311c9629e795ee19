using Reconciler.Core.Api;
using Reconciler.Core.Model;

namespace Reconciler.Core.Tests.Applying.Emulated;

/// <summary>
/// A front on the control plane that loses what AWS and networks lose: a create that commits and whose response never
/// arrives (<see cref="DropCreates"/>), a create answered 500 before any change (<see cref="FailCreates"/>), and a
/// listing that does not yet show mappings created in the last <see cref="ListLag"/> on the clock.
/// </summary>
internal sealed class LossyApi(ILambdaMappingApi inner, TimeProvider time) : ILambdaMappingApi
{
    private readonly object _gate = new();
    private readonly Dictionary<string, DateTimeOffset> _createdAt = new(StringComparer.Ordinal);

    /// <summary>How many of the next creates commit and then fail as a dropped connection.</summary>
    public int DropCreates { get; set; }

    /// <summary>How many of the next creates are answered 500 without committing.</summary>
    public int FailCreates { get; set; }

    public TimeSpan ListLag { get; set; }

    public int CreatesSent { get; private set; }

    /// <summary>Runs before each create reaches the control plane, with its ordinal (1 for the first).</summary>
    public Action<int>? OnCreate { get; set; }

    public async Task<MappingPage> ListAsync(ListMappingsQuery query, CancellationToken cancellationToken)
    {
        var page = await inner.ListAsync(query, cancellationToken);
        var now = time.GetUtcNow();
        lock (_gate)
        {
            return page with { Mappings = [.. page.Mappings.Where(m => !_createdAt.TryGetValue(m.Uuid, out var at) || now - at >= ListLag)] };
        }
    }

    public Task<LiveMapping> GetAsync(string uuid, CancellationToken cancellationToken) => inner.GetAsync(uuid, cancellationToken);

    public async Task<LiveMapping> CreateAsync(MappingConfiguration request, CancellationToken cancellationToken)
    {
        bool fail, drop;
        int ordinal;
        lock (_gate)
        {
            ordinal = ++CreatesSent;
            fail = FailCreates > 0 && FailCreates-- > 0;
            drop = !fail && DropCreates > 0 && DropCreates-- > 0;
        }
        OnCreate?.Invoke(ordinal);
        if (fail) throw new LambdaApiException(LambdaErrorCodes.Service, "We encountered an internal error. Please try again.", 500);
        var created = await inner.CreateAsync(request, cancellationToken);
        lock (_gate) _createdAt[created.Uuid] = time.GetUtcNow();
        if (drop) throw new HttpRequestException("An error occurred while sending the request. The response ended prematurely.");
        return created;
    }

    public Task<LiveMapping> UpdateAsync(string uuid, MappingConfiguration changes, CancellationToken cancellationToken) =>
        inner.UpdateAsync(uuid, changes, cancellationToken);

    public Task<LiveMapping> DeleteAsync(string uuid, CancellationToken cancellationToken) => inner.DeleteAsync(uuid, cancellationToken);

    public Task<IReadOnlyDictionary<string, string>> ListTagsAsync(string resourceArn, CancellationToken cancellationToken) =>
        inner.ListTagsAsync(resourceArn, cancellationToken);

    public Task TagAsync(string resourceArn, IReadOnlyDictionary<string, string> tags, CancellationToken cancellationToken) =>
        inner.TagAsync(resourceArn, tags, cancellationToken);

    public Task UntagAsync(string resourceArn, IReadOnlyCollection<string> tagKeys, CancellationToken cancellationToken) =>
        inner.UntagAsync(resourceArn, tagKeys, cancellationToken);
}
