using Reconciler.Core.Api;
using Reconciler.Core.Model;

namespace Reconciler.Core.Tests.Applying.Emulated;

/// <summary>
/// A front on the control plane for attacks from outside the run: <see cref="Before"/> runs before each call reaches
/// the control plane (another team re-tagging, a signal arriving), <see cref="After"/> after it took effect and may
/// replace its answer with an exception (a response lost after the commit), and <see cref="List"/> may answer List in
/// its stead (a server that pages forever). Operation names are the API's (ListTags, DeleteEventSourceMapping, ...).
/// </summary>
internal sealed class HookedApi(ILambdaMappingApi inner) : ILambdaMappingApi
{
    /// <summary>Runs before a call, with the operation and its target (UUID or ARN; the function for Create and List).</summary>
    public Func<string, string?, Task>? Before { get; set; }

    /// <summary>Runs after a call took effect; an exception it returns is thrown instead of the answer.</summary>
    public Func<string, string?, Exception?>? After { get; set; }

    /// <summary>Answers List instead of the control plane when set.</summary>
    public Func<ListMappingsQuery, MappingPage>? List { get; set; }

    public Task<MappingPage> ListAsync(ListMappingsQuery query, CancellationToken cancellationToken) =>
        List is { } answer ? Call("ListEventSourceMappings", query.FunctionName, () => Task.FromResult(answer(query)))
            : Call("ListEventSourceMappings", query.FunctionName, () => inner.ListAsync(query, cancellationToken));

    public Task<LiveMapping> GetAsync(string uuid, CancellationToken cancellationToken) =>
        Call("GetEventSourceMapping", uuid, () => inner.GetAsync(uuid, cancellationToken));

    public Task<LiveMapping> CreateAsync(MappingConfiguration request, CancellationToken cancellationToken) =>
        Call("CreateEventSourceMapping", request.FunctionName, () => inner.CreateAsync(request, cancellationToken));

    public Task<LiveMapping> UpdateAsync(string uuid, MappingConfiguration changes, CancellationToken cancellationToken) =>
        Call("UpdateEventSourceMapping", uuid, () => inner.UpdateAsync(uuid, changes, cancellationToken));

    public Task<LiveMapping> DeleteAsync(string uuid, CancellationToken cancellationToken) =>
        Call("DeleteEventSourceMapping", uuid, () => inner.DeleteAsync(uuid, cancellationToken));

    public Task<IReadOnlyDictionary<string, string>> ListTagsAsync(string resourceArn, CancellationToken cancellationToken) =>
        Call("ListTags", resourceArn, () => inner.ListTagsAsync(resourceArn, cancellationToken));

    public Task TagAsync(string resourceArn, IReadOnlyDictionary<string, string> tags, CancellationToken cancellationToken) =>
        Call("TagResource", resourceArn, async () =>
        {
            await inner.TagAsync(resourceArn, tags, cancellationToken);
            return true;
        });

    public Task UntagAsync(string resourceArn, IReadOnlyCollection<string> tagKeys, CancellationToken cancellationToken) =>
        Call("UntagResource", resourceArn, async () =>
        {
            await inner.UntagAsync(resourceArn, tagKeys, cancellationToken);
            return true;
        });

    private async Task<T> Call<T>(string operation, string? target, Func<Task<T>> call)
    {
        if (Before is { } before) await before(operation, target);
        var answer = await call();
        if (After?.Invoke(operation, target) is { } lost) throw lost;
        return answer;
    }
}
