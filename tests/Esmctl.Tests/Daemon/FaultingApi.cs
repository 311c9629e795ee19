using Reconciler.Core.Api;
using Reconciler.Core.Model;

namespace Esmctl.Tests.Daemon;

/// <summary>
/// Passes every call to the emulator, except the faults a test scripts: a create of one event source, an update of
/// one UUID. <see cref="AfterDelete"/> runs once a delete has gone through (to stop a tick mid-replacement).
/// </summary>
internal sealed class FaultingApi(ILambdaMappingApi inner) : ILambdaMappingApi
{
    /// <summary>Where calls go; a test may put another fake in front of the emulator.</summary>
    public ILambdaMappingApi Inner { get; set; } = inner;

    public Dictionary<string, Func<Exception>> CreateFaults { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, Func<Exception>> UpdateFaults { get; } = new(StringComparer.Ordinal);
    public Action<string>? AfterDelete { get; set; }

    public static Func<Exception> Answer(string code, int status) => () => new LambdaApiException(code, $"scripted {code}", status);

    public Task<MappingPage> ListAsync(ListMappingsQuery query, CancellationToken cancellationToken) => Inner.ListAsync(query, cancellationToken);

    public Task<LiveMapping> GetAsync(string uuid, CancellationToken cancellationToken) => Inner.GetAsync(uuid, cancellationToken);

    public Task<LiveMapping> CreateAsync(MappingConfiguration request, CancellationToken cancellationToken) =>
        CreateFaults.TryGetValue(request.EventSourceArn ?? "", out var fault)
            ? Task.FromException<LiveMapping>(fault())
            : Inner.CreateAsync(request, cancellationToken);

    public Task<LiveMapping> UpdateAsync(string uuid, MappingConfiguration changes, CancellationToken cancellationToken) =>
        UpdateFaults.TryGetValue(uuid, out var fault)
            ? Task.FromException<LiveMapping>(fault())
            : Inner.UpdateAsync(uuid, changes, cancellationToken);

    public async Task<LiveMapping> DeleteAsync(string uuid, CancellationToken cancellationToken)
    {
        var deleted = await Inner.DeleteAsync(uuid, cancellationToken);
        AfterDelete?.Invoke(uuid);
        return deleted;
    }

    public Task<IReadOnlyDictionary<string, string>> ListTagsAsync(string resourceArn, CancellationToken cancellationToken) =>
        Inner.ListTagsAsync(resourceArn, cancellationToken);

    public Task TagAsync(string resourceArn, IReadOnlyDictionary<string, string> tags, CancellationToken cancellationToken) =>
        Inner.TagAsync(resourceArn, tags, cancellationToken);

    public Task UntagAsync(string resourceArn, IReadOnlyCollection<string> tagKeys, CancellationToken cancellationToken) =>
        Inner.UntagAsync(resourceArn, tagKeys, cancellationToken);
}
