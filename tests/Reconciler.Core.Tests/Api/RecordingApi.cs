using Reconciler.Core.Api;
using Reconciler.Core.Model;

namespace Reconciler.Core.Tests.Api;

/// <summary>An in-test port that answers every call at once and records which operation reached it and when (by the
/// test's clock), so a test can see the rate the decorator lets through.</summary>
internal sealed class RecordingApi(TimeProvider time) : ILambdaMappingApi
{
    private readonly object _gate = new();
    private readonly List<(string Operation, DateTimeOffset At)> _calls = [];

    public IReadOnlyList<(string Operation, DateTimeOffset At)> Calls
    {
        get { lock (_gate) return [.. _calls]; }
    }

    public Task<MappingPage> ListAsync(ListMappingsQuery query, CancellationToken cancellationToken)
    {
        Record("List");
        return Task.FromResult(new MappingPage([], null));
    }

    public Task<LiveMapping> GetAsync(string uuid, CancellationToken cancellationToken) => Task.FromResult(Mapping("Get", uuid));

    public Task<LiveMapping> CreateAsync(MappingConfiguration request, CancellationToken cancellationToken) =>
        Task.FromResult(Mapping("Create", "new"));

    public Task<LiveMapping> UpdateAsync(string uuid, MappingConfiguration changes, CancellationToken cancellationToken) =>
        Task.FromResult(Mapping("Update", uuid));

    public Task<LiveMapping> DeleteAsync(string uuid, CancellationToken cancellationToken) => Task.FromResult(Mapping("Delete", uuid));

    public Task<IReadOnlyDictionary<string, string>> ListTagsAsync(string resourceArn, CancellationToken cancellationToken)
    {
        Record("ListTags");
        return Task.FromResult<IReadOnlyDictionary<string, string>>(new Dictionary<string, string>());
    }

    public Task TagAsync(string resourceArn, IReadOnlyDictionary<string, string> tags, CancellationToken cancellationToken)
    {
        Record("Tag");
        return Task.CompletedTask;
    }

    public Task UntagAsync(string resourceArn, IReadOnlyCollection<string> tagKeys, CancellationToken cancellationToken)
    {
        Record("Untag");
        return Task.CompletedTask;
    }

    private void Record(string operation)
    {
        lock (_gate) _calls.Add((operation, time.GetUtcNow()));
    }

    private LiveMapping Mapping(string operation, string uuid)
    {
        Record(operation);
        return new LiveMapping
        {
            Uuid = uuid,
            EventSourceMappingArn = $"arn:aws:lambda:us-east-1:123456789012:event-source-mapping:{uuid}",
            FunctionArn = "arn:aws:lambda:us-east-1:123456789012:function:f",
            State = MappingStates.Enabled,
            Configuration = new MappingConfiguration { EventSourceArn = "arn:aws:sqs:us-east-1:123456789012:q" },
        };
    }
}
