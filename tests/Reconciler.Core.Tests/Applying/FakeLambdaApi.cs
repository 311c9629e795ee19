using Reconciler.Core.Api;
using Reconciler.Core.Applying;
using Reconciler.Core.Live;
using Reconciler.Core.Model;

namespace Reconciler.Core.Tests.Applying;

/// <summary>
/// A small in-memory ILambdaMappingApi for the applier's tests, until the emulator (Reconciler.Emulator) can
/// stand in. Holds mappings with states and tags, answers as the API documents for the cases the applier meets
/// (ResourceNotFound after a delete has settled, ResourceInUse during a transition, ResourceConflict for a
/// second mapping of the same function and source), logs every call, and has scriptable faults.
/// </summary>
internal sealed class FakeLambdaApi : ILambdaMappingApi
{
    private const string FunctionArnPrefix = "arn:aws:lambda:us-east-1:123456789012:function:";
    private const string MappingArnPrefix = "arn:aws:lambda:us-east-1:123456789012:event-source-mapping:";

    private readonly object _gate = new();
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly List<string> _log = [];
    private readonly List<Fault> _faults = [];
    private readonly List<(string Uuid, MappingConfiguration Changes)> _updates = [];
    private readonly List<MappingConfiguration> _creates = [];
    private int _nextId = 1;
    private int _inFlight;
    private int _loseCreateResponses;
    private readonly Queue<Exception> _createFailuresAfterCommit = new();
    private TaskCompletionSource? _hold;
    private int _holdUntil;

    /// <summary>Every call as "Operation target" (target: UUID, or function name for Create and List).</summary>
    public IReadOnlyList<string> Log { get { lock (_gate) return _log.ToList(); } }

    public IReadOnlyList<(string Uuid, MappingConfiguration Changes)> Updates { get { lock (_gate) return _updates.ToList(); } }

    public IReadOnlyList<MappingConfiguration> Creates { get { lock (_gate) return _creates.ToList(); } }

    /// <summary>Mappings that exist (including those still Deleting).</summary>
    public int Count { get { lock (_gate) return _entries.Count; } }

    public int MaxInFlight { get; private set; }

    /// <summary>Items per List page (the service's maximum is 100).</summary>
    public int PageSize { get; set; } = 100;

    /// <summary>Whether a create's conflict message names the existing UUID (AWS's does).</summary>
    public bool ConflictMessageNamesUuid { get; set; } = true;

    /// <summary>Runs after a call is logged and before it takes effect (e.g. to cancel the apply mid-call).</summary>
    public Action<string>? OnCall { get; set; }

    /// <summary>When it answers true, a List call returns an empty page, as a listing that lags a create does.</summary>
    public Func<bool>? ListLags { get; set; }

    public LiveMapping Seed(
        string function, string? source, string state = MappingStates.Enabled,
        IReadOnlyDictionary<string, string>? tags = null, IReadOnlyList<string>? topics = null, int? batchSize = null)
    {
        lock (_gate)
        {
            var entry = NewEntry(new MappingConfiguration { FunctionName = function, EventSourceArn = source, Topics = topics, BatchSize = batchSize }, state);
            if (tags is not null) foreach (var (k, v) in tags) entry.Tags[k] = v;
            return entry.Mapping;
        }
    }

    /// <summary>What a read of live state would return now (every mapping, its tags as read now), without logging
    /// calls: the evidence an apply planned from.</summary>
    public LiveState Snapshot()
    {
        lock (_gate)
        {
            var tags = _entries.ToDictionary(e => e.Key,
                e => (IReadOnlyDictionary<string, string>)new Dictionary<string, string>(e.Value.Tags), StringComparer.Ordinal);
            return new LiveState([.. _entries.Values.Select(e => e.Mapping)], tags) { TagsReadNow = tags.Keys.ToHashSet(StringComparer.Ordinal) };
        }
    }

    /// <summary>Changes a mapping's tags behind the applier's back (another team, between plan and apply).</summary>
    public void Retag(string uuid, IReadOnlyDictionary<string, string> tags)
    {
        lock (_gate)
        {
            var entry = _entries[uuid];
            entry.Tags.Clear();
            foreach (var (k, v) in tags) entry.Tags[k] = v;
        }
    }

    public IReadOnlyDictionary<string, string> TagsOf(string uuid)
    {
        lock (_gate) return new Dictionary<string, string>(_entries[uuid].Tags);
    }

    public string StateOf(string uuid)
    {
        lock (_gate) return _entries[uuid].Mapping.State;
    }

    /// <summary>The next <paramref name="times"/> calls of the operation (on <paramref name="target"/> if given) throw.</summary>
    public void Fail(ApiOperation operation, Exception error, int times = 1, string? target = null)
    {
        lock (_gate) _faults.Add(new Fault(operation, target, error, times));
    }

    /// <summary>After its delete, the mapping answers Get in Deleting state <paramref name="gets"/> times before it is gone.</summary>
    public void StayDeleting(string uuid, int gets)
    {
        lock (_gate) _entries[uuid].DeletingGets = gets;
    }

    /// <summary>The mapping is in <paramref name="state"/> for the next <paramref name="gets"/> Gets; meanwhile
    /// Update, Delete, Tag and Untag answer ResourceInUseException.</summary>
    public void Busy(string uuid, string state, int gets)
    {
        lock (_gate)
        {
            var entry = _entries[uuid];
            entry.SettledState = entry.Mapping.State;
            entry.BusyGets = gets;
            entry.Mapping = entry.Mapping with { State = state };
        }
    }

    /// <summary>After its next change, the mapping reads as <paramref name="state"/> with <paramref name="reason"/>, as a
    /// mapping AWS could not enable does.</summary>
    public void SettlesAs(string uuid, string state, string reason)
    {
        lock (_gate)
        {
            var entry = _entries[uuid];
            entry.Mapping = entry.Mapping with { State = state, StateTransitionReason = reason };
        }
    }

    /// <summary>The next create commits but its caller sees ResourceConflictException, as when a response is lost
    /// and the API client's retry meets the mapping the first attempt made.</summary>
    public void LoseNextCreateResponse()
    {
        lock (_gate) _loseCreateResponses++;
    }

    /// <summary>The next create commits (with its tags), then its caller sees <paramref name="error"/>, as when the
    /// connection drops or the service answers 5xx after the change: the API client does not repeat a create then.</summary>
    public void FailNextCreateAfterCommit(Exception error)
    {
        lock (_gate) _createFailuresAfterCommit.Enqueue(error);
    }

    /// <summary>Creates wait until <paramref name="concurrent"/> creates are in flight together.</summary>
    public void HoldCreatesUntil(int concurrent)
    {
        lock (_gate)
        {
            _hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _holdUntil = concurrent;
        }
    }

    public async Task<MappingPage> ListAsync(ListMappingsQuery query, CancellationToken cancellationToken)
    {
        await BeginAsync(ApiOperation.List, query.FunctionName ?? "", cancellationToken);
        try
        {
            if (ListLags?.Invoke() == true) return new MappingPage([], null);
            lock (_gate)
            {
                var all = _entries.Values.Select(e => e.Mapping)
                    .Where(m => query.FunctionName is null || m.FunctionArn == FunctionArn(query.FunctionName))
                    .Where(m => query.EventSourceArn is null || m.Configuration.EventSourceArn == query.EventSourceArn)
                    .OrderBy(m => m.Uuid, StringComparer.Ordinal).ToList();
                var start = query.Marker is null ? 0 : int.Parse(query.Marker, System.Globalization.CultureInfo.InvariantCulture);
                var page = all.Skip(start).Take(PageSize).ToList();
                var next = start + page.Count < all.Count ? (start + page.Count).ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
                return new MappingPage(page, next);
            }
        }
        finally { End(); }
    }

    public async Task<LiveMapping> GetAsync(string uuid, CancellationToken cancellationToken)
    {
        await BeginAsync(ApiOperation.Get, uuid, cancellationToken);
        try
        {
            lock (_gate)
            {
                var entry = Find(uuid);
                if (entry.Deleted)
                {
                    if (entry.DeletingGets-- > 0) return entry.Mapping;
                    _entries.Remove(uuid);
                    throw NotFound(uuid);
                }
                if (entry.BusyGets > 0)
                {
                    entry.BusyGets--;
                    return entry.Mapping;
                }
                if (entry.SettledState is not null)
                {
                    entry.Mapping = entry.Mapping with { State = entry.SettledState };
                    entry.SettledState = null;
                }
                return entry.Mapping;
            }
        }
        finally { End(); }
    }

    public async Task<LiveMapping> CreateAsync(MappingConfiguration request, CancellationToken cancellationToken)
    {
        await BeginAsync(ApiOperation.Create, request.FunctionName ?? "", cancellationToken);
        try
        {
            Task? hold;
            lock (_gate)
            {
                hold = _hold?.Task;
                if (_hold is not null && _inFlight >= _holdUntil) _hold.TrySetResult();
            }
            if (hold is not null) await hold.WaitAsync(TimeSpan.FromSeconds(10));
            lock (_gate)
            {
                var existing = _entries.Values.FirstOrDefault(e =>
                    e.Mapping.FunctionArn == FunctionArn(request.FunctionName!)
                    && e.Mapping.Configuration.EventSourceArn == request.EventSourceArn
                    && SameTopics(e.Mapping.Configuration.Topics, request.Topics));
                if (existing is not null) throw Conflict(request, existing.Mapping.Uuid);
                _creates.Add(request);
                var state = request.Enabled == false ? MappingStates.Disabled : MappingStates.Enabled;
                var entry = NewEntry(request with { Tags = null }, state);
                if (request.Tags is not null) foreach (var (k, v) in request.Tags) entry.Tags[k] = v;
                if (_createFailuresAfterCommit.TryDequeue(out var afterCommit)) throw afterCommit;
                if (_loseCreateResponses > 0)
                {
                    _loseCreateResponses--;
                    throw Conflict(request, entry.Mapping.Uuid);
                }
                return entry.Mapping;
            }
        }
        finally { End(); }
    }

    public async Task<LiveMapping> UpdateAsync(string uuid, MappingConfiguration changes, CancellationToken cancellationToken)
    {
        await BeginAsync(ApiOperation.Update, uuid, cancellationToken);
        try
        {
            lock (_gate)
            {
                var entry = Settled(uuid);
                _updates.Add((uuid, changes));
                return entry.Mapping;
            }
        }
        finally { End(); }
    }

    public async Task<LiveMapping> DeleteAsync(string uuid, CancellationToken cancellationToken)
    {
        await BeginAsync(ApiOperation.Delete, uuid, cancellationToken);
        try
        {
            lock (_gate)
            {
                var entry = Settled(uuid);
                entry.Deleted = true;
                entry.Mapping = entry.Mapping with { State = MappingStates.Deleting };
                return entry.Mapping;
            }
        }
        finally { End(); }
    }

    public async Task<IReadOnlyDictionary<string, string>> ListTagsAsync(string resourceArn, CancellationToken cancellationToken)
    {
        await BeginAsync(ApiOperation.ListTags, UuidOf(resourceArn), cancellationToken);
        try
        {
            lock (_gate) return new Dictionary<string, string>(Find(UuidOf(resourceArn)).Tags);
        }
        finally { End(); }
    }

    public async Task TagAsync(string resourceArn, IReadOnlyDictionary<string, string> tags, CancellationToken cancellationToken)
    {
        await BeginAsync(ApiOperation.Tag, UuidOf(resourceArn), cancellationToken);
        try
        {
            lock (_gate)
            {
                var entry = Settled(UuidOf(resourceArn));
                foreach (var (k, v) in tags) entry.Tags[k] = v;
            }
        }
        finally { End(); }
    }

    public async Task UntagAsync(string resourceArn, IReadOnlyCollection<string> tagKeys, CancellationToken cancellationToken)
    {
        await BeginAsync(ApiOperation.Untag, UuidOf(resourceArn), cancellationToken);
        try
        {
            lock (_gate)
            {
                var entry = Settled(UuidOf(resourceArn));
                foreach (var key in tagKeys) entry.Tags.Remove(key);
            }
        }
        finally { End(); }
    }

    private async Task BeginAsync(ApiOperation operation, string target, CancellationToken cancellationToken)
    {
        // Answer asynchronously, as a real client does, so concurrent actions really overlap.
        await Task.Yield();
        Exception? fault;
        lock (_gate)
        {
            _log.Add($"{operation} {target}");
            _inFlight++;
            MaxInFlight = Math.Max(MaxInFlight, _inFlight);
            var match = _faults.FirstOrDefault(f => f.Operation == operation && (f.Target is null || f.Target == target) && f.Remaining > 0);
            if (match is not null) match.Remaining--;
            fault = match?.Error;
        }
        OnCall?.Invoke($"{operation} {target}");
        // A cancelled request is aborted before it takes effect, as an HTTP client would.
        if (fault is null && cancellationToken.IsCancellationRequested) fault = new OperationCanceledException(cancellationToken);
        if (fault is not null)
        {
            End();
            throw fault;
        }
    }

    private void End()
    {
        lock (_gate) _inFlight--;
    }

    private Entry NewEntry(MappingConfiguration configuration, string state)
    {
        var uuid = $"00000000-0000-4000-8000-{_nextId++:D12}";
        var functionArn = FunctionArn(configuration.FunctionName!);
        var mapping = new LiveMapping
        {
            Uuid = uuid,
            EventSourceMappingArn = MappingArnPrefix + uuid,
            FunctionArn = functionArn,
            State = state,
            Configuration = configuration with { FunctionName = functionArn, Enabled = MappingStates.IsEnabled(state) },
        };
        var entry = new Entry { Mapping = mapping };
        _entries.Add(uuid, entry);
        return entry;
    }

    private Entry Find(string uuid) => _entries.TryGetValue(uuid, out var entry) ? entry : throw NotFound(uuid);

    /// <summary>The entry, if it may be changed now: not gone, not deleting, not in a transition.</summary>
    private Entry Settled(string uuid)
    {
        var entry = Find(uuid);
        if (entry.Deleted || entry.BusyGets > 0)
        {
            throw new LambdaApiException(LambdaErrorCodes.ResourceInUse,
                $"Cannot update the event source mapping because it is in use. State: {entry.Mapping.State}", 400);
        }
        return entry;
    }

    private LambdaApiException Conflict(MappingConfiguration request, string uuid) => new(
        LambdaErrorCodes.ResourceConflict,
        $"The event source arn (\" {request.EventSourceArn} \") and function (\" {request.FunctionName} \") provided mapping already exists." +
        (ConflictMessageNamesUuid ? $" Please update or delete the existing mapping with UUID {uuid}" : ""),
        409);

    private static LambdaApiException NotFound(string uuid) =>
        new(LambdaErrorCodes.ResourceNotFound, $"The resource you requested does not exist. (Service: Lambda, UUID {uuid})", 404);

    private static bool SameTopics(IReadOnlyList<string>? a, IReadOnlyList<string>? b) =>
        (a ?? []).Order(StringComparer.Ordinal).SequenceEqual((b ?? []).Order(StringComparer.Ordinal));

    private static string FunctionArn(string function) =>
        function.StartsWith("arn:", StringComparison.Ordinal) ? function : FunctionArnPrefix + function;

    private static string UuidOf(string mappingArn) => mappingArn[MappingArnPrefix.Length..];

    private sealed class Entry
    {
        public required LiveMapping Mapping { get; set; }
        public Dictionary<string, string> Tags { get; } = new(StringComparer.Ordinal);
        public bool Deleted { get; set; }
        public int DeletingGets { get; set; }
        public int BusyGets { get; set; }
        public string? SettledState { get; set; }
    }

    private sealed class Fault(ApiOperation operation, string? target, Exception error, int times)
    {
        public ApiOperation Operation { get; } = operation;
        public string? Target { get; } = target;
        public Exception Error { get; } = error;
        public int Remaining { get; set; } = times;
    }
}
