using Reconciler.Core.Api;
using Reconciler.Core.Applying;
using Reconciler.Core.Model;

namespace Esmctl.Tests.Support;

/// <summary>
/// Stands between the emulator's HTTP face and its control plane and answers chosen calls with the errors AWS
/// gives (the HTTP face writes them as AWS does: status, x-amzn-errortype, JSON body), or runs something first
/// (e.g. another client creating the same mapping). Everything else goes to the control plane.
/// </summary>
public sealed class ScriptedApi(ILambdaMappingApi inner) : ILambdaMappingApi
{
    private readonly object _gate = new();
    private readonly List<(ApiOperation Operation, Func<Exception> Error, int Remaining)> _failures = [];
    private readonly Dictionary<ApiOperation, Func<Task>> _before = [];

    /// <summary>The next <paramref name="times"/> calls of <paramref name="operation"/> fail with what
    /// <paramref name="error"/> makes, without reaching the control plane.</summary>
    public ScriptedApi Fail(ApiOperation operation, Func<Exception> error, int times = 1)
    {
        lock (_gate) _failures.Add((operation, error, times));
        return this;
    }

    /// <summary>Runs <paramref name="action"/> once, before the next call of <paramref name="operation"/> is passed on.</summary>
    public ScriptedApi Before(ApiOperation operation, Func<Task> action)
    {
        lock (_gate) _before[operation] = action;
        return this;
    }

    public async Task<MappingPage> ListAsync(ListMappingsQuery query, CancellationToken cancellationToken)
    {
        await EnterAsync(ApiOperation.List);
        return await inner.ListAsync(query, cancellationToken);
    }

    public async Task<LiveMapping> GetAsync(string uuid, CancellationToken cancellationToken)
    {
        await EnterAsync(ApiOperation.Get);
        return await inner.GetAsync(uuid, cancellationToken);
    }

    public async Task<LiveMapping> CreateAsync(MappingConfiguration request, CancellationToken cancellationToken)
    {
        await EnterAsync(ApiOperation.Create);
        return await inner.CreateAsync(request, cancellationToken);
    }

    public async Task<LiveMapping> UpdateAsync(string uuid, MappingConfiguration changes, CancellationToken cancellationToken)
    {
        await EnterAsync(ApiOperation.Update);
        return await inner.UpdateAsync(uuid, changes, cancellationToken);
    }

    public async Task<LiveMapping> DeleteAsync(string uuid, CancellationToken cancellationToken)
    {
        await EnterAsync(ApiOperation.Delete);
        return await inner.DeleteAsync(uuid, cancellationToken);
    }

    public async Task<IReadOnlyDictionary<string, string>> ListTagsAsync(string resourceArn, CancellationToken cancellationToken)
    {
        await EnterAsync(ApiOperation.ListTags);
        return await inner.ListTagsAsync(resourceArn, cancellationToken);
    }

    public async Task TagAsync(string resourceArn, IReadOnlyDictionary<string, string> tags, CancellationToken cancellationToken)
    {
        await EnterAsync(ApiOperation.Tag);
        await inner.TagAsync(resourceArn, tags, cancellationToken);
    }

    public async Task UntagAsync(string resourceArn, IReadOnlyCollection<string> tagKeys, CancellationToken cancellationToken)
    {
        await EnterAsync(ApiOperation.Untag);
        await inner.UntagAsync(resourceArn, tagKeys, cancellationToken);
    }

    private async Task EnterAsync(ApiOperation operation)
    {
        Func<Task>? before;
        Func<Exception>? error = null;
        lock (_gate)
        {
            _before.Remove(operation, out before);
            var index = _failures.FindIndex(f => f.Operation == operation && f.Remaining > 0);
            if (index >= 0)
            {
                var failure = _failures[index];
                _failures[index] = failure with { Remaining = failure.Remaining - 1 };
                error = failure.Error;
            }
        }
        if (before is not null) await before();
        if (error is not null) throw error();
    }
}
