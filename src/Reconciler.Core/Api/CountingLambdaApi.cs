using Reconciler.Core.Model;

namespace Reconciler.Core.Api;

/// <summary>
/// Counts every call made through the port by operation (the model's name) and result code ("OK" or the error
/// code) into the run's <see cref="CallTally"/>. An opened target is wrapped once, so the live-state reader's calls
/// and the applier's are all counted, whichever entry point runs them.
/// </summary>
public sealed class CountingLambdaApi(ILambdaMappingApi inner, CallTally tally) : ILambdaMappingApi
{

    public Task<MappingPage> ListAsync(ListMappingsQuery query, CancellationToken cancellationToken) =>
        CountAsync("ListEventSourceMappings", () => inner.ListAsync(query, cancellationToken));

    public Task<LiveMapping> GetAsync(string uuid, CancellationToken cancellationToken) =>
        CountAsync("GetEventSourceMapping", () => inner.GetAsync(uuid, cancellationToken));

    public Task<LiveMapping> CreateAsync(MappingConfiguration request, CancellationToken cancellationToken) =>
        CountAsync("CreateEventSourceMapping", () => inner.CreateAsync(request, cancellationToken));

    public Task<LiveMapping> UpdateAsync(string uuid, MappingConfiguration changes, CancellationToken cancellationToken) =>
        CountAsync("UpdateEventSourceMapping", () => inner.UpdateAsync(uuid, changes, cancellationToken));

    public Task<LiveMapping> DeleteAsync(string uuid, CancellationToken cancellationToken) =>
        CountAsync("DeleteEventSourceMapping", () => inner.DeleteAsync(uuid, cancellationToken));

    public Task<IReadOnlyDictionary<string, string>> ListTagsAsync(string resourceArn, CancellationToken cancellationToken) =>
        CountAsync("ListTags", () => inner.ListTagsAsync(resourceArn, cancellationToken));

    public Task TagAsync(string resourceArn, IReadOnlyDictionary<string, string> tags, CancellationToken cancellationToken) =>
        CountAsync("TagResource", async () =>
        {
            await inner.TagAsync(resourceArn, tags, cancellationToken);
            return true;
        });

    public Task UntagAsync(string resourceArn, IReadOnlyCollection<string> tagKeys, CancellationToken cancellationToken) =>
        CountAsync("UntagResource", async () =>
        {
            await inner.UntagAsync(resourceArn, tagKeys, cancellationToken);
            return true;
        });

    private async Task<T> CountAsync<T>(string operation, Func<Task<T>> call)
    {
        try
        {
            var result = await call();
            Add(operation, ApiRequestCount.Ok);
            return result;
        }
        catch (LambdaApiException e)
        {
            Add(operation, e.ErrorCode);
            throw;
        }
        catch (Exception e)
        {
            // Transport failures and cancellations were requests too (or attempts at one): count them by kind.
            Add(operation, e.GetType().Name);
            throw;
        }
    }

    private void Add(string operation, string code) => tally.Called(operation, code);
}
