using System.Text.Json.Nodes;
using Reconciler.Core.Api;
using Reconciler.Core.Model;
using Reconciler.Emulator.Inventory;
using Reconciler.Emulator.Wire;

namespace Reconciler.Emulator.ControlPlane;

/// <summary>
/// The Lambda event source mapping control plane, emulated in process: the answers, errors and state machine AWS
/// has as recorded (docs/aws.md), behind the engine's port. Each request is checked as the service checks it: the
/// model's constraints (ValidationException), then the service's rules (<see cref="MappingRules"/>), then that the
/// function and source exist (only with a <see cref="ResourceInventory"/>), then duplicates (409). State lives in
/// memory (this constructor) or in a file (<see cref="Persistence.FileBackedControlPlane"/>), each mapping's settings
/// in the model's wire form. Transitions end when <see cref="ControlPlaneOptions.TransitionDwell"/> has passed on the
/// injected clock; a mutating call answers with the transitional state, as AWS's 202 does. Thread-safe.
/// </summary>
public sealed class EmulatedControlPlane : ILambdaMappingApi
{
    /// <summary>Request members that are not settings of the mapping.</summary>
    private static readonly string[] RequestOnly = ["FunctionName", "Enabled", "Tags"];

    private readonly IMappingStoreHost _host;
    private readonly TimeProvider _time;
    private readonly Func<Guid> _newUuid;
    private readonly RequestJournal _journal;
    private readonly ControlPlaneModel _model = ControlPlaneModel.Embedded;

    /// <param name="inventory">The functions and sources that exist; null (the default) means every one does.</param>
    public EmulatedControlPlane(ControlPlaneOptions? options = null, TimeProvider? time = null, Func<Guid>? newUuid = null, ResourceInventory? inventory = null)
        : this(new InMemoryStoreHost(), options, time, newUuid, inventory)
    {
    }

    internal EmulatedControlPlane(IMappingStoreHost host, ControlPlaneOptions? options, TimeProvider? time, Func<Guid>? newUuid, ResourceInventory? inventory = null)
    {
        _host = host;
        Options = (options ?? new ControlPlaneOptions()).Validated();
        _time = time ?? TimeProvider.System;
        _newUuid = newUuid ?? UuidSources.Random;
        _journal = new RequestJournal(Options.RequestLogCapacity);
        if (inventory is not null && !inventory.SharesHomeWith(Options))
            throw new ArgumentException("The inventory resolves function names in another account, region or partition than this control plane; make it with the same ControlPlaneOptions.", nameof(inventory));
        Inventory = inventory;
    }

    public ControlPlaneOptions Options { get; }

    /// <summary>The functions and sources this control plane knows, or null when it takes every one as existing.</summary>
    public ResourceInventory? Inventory { get; }

    /// <summary>The most recent requests, oldest first (at most <see cref="ControlPlaneOptions.RequestLogCapacity"/>).</summary>
    public IReadOnlyList<RequestRecord> RequestLog => _journal.Recent;

    public ControlPlaneCounters Counters => _journal.Counters;

    public Task<MappingPage> ListAsync(ListMappingsQuery query, CancellationToken cancellationToken) =>
        RunAsync(ApiOperations.List, null, mutating: false, (store, _) =>
        {
            _model.Validate(ApiOperations.List, Json(
                ("EventSourceArn", query.EventSourceArn), ("FunctionName", query.FunctionName), ("Marker", query.Marker), ("MaxItems", query.MaxItems)));
            // "ListEventSourceMappings returns a maximum of 100 items in each response, even if you set the number higher."
            var pageSize = Math.Min(query.MaxItems ?? 100, 100);
            var after = query.Marker is { Length: > 0 } marker ? ListMarker.Decode(marker) : 0;
            // The filter matches the resolved FunctionArn exactly: "f" lists mappings of the unqualified function,
            // "f:live" those of the alias, as the qualifier is part of what a mapping invokes.
            var functionArn = query.FunctionName is { Length: > 0 } name ? ResolveFunction(name).Arn : null;
            var matching = store.Mappings
                .Where(m => m.Sequence > after)
                .Where(m => functionArn is null || m.FunctionArn == functionArn)
                .Where(m => query.EventSourceArn is not { Length: > 0 } || m.EventSourceArn == query.EventSourceArn)
                .Take(pageSize + 1)
                .ToList();
            var page = matching.Take(pageSize).ToList();
            var next = matching.Count > pageSize ? ListMarker.Encode(page[^1].Sequence) : null;
            return new MappingPage(page.Select(m => View(m, forList: true)).ToList(), next);
        }, null, cancellationToken);

    public Task<LiveMapping> GetAsync(string uuid, CancellationToken cancellationToken) =>
        RunAsync(ApiOperations.Get, uuid, mutating: false, (store, _) => View(Existing(store, ApiOperations.Get, uuid), forList: false), null, cancellationToken);

    public Task<LiveMapping> CreateAsync(MappingConfiguration request, CancellationToken cancellationToken) =>
        RunAsync(ApiOperations.Create, null, mutating: true, (store, now) =>
        {
            var wire = WireConfiguration.Write(request);
            _model.Validate(ApiOperations.Create, wire);
            var kind = _model.Rules.CheckCreate(request, wire, now);
            RequireSourceInRegion(request.EventSourceArn);
            var function = ResolveFunction(request.FunctionName!);
            RequireFunction(function.Reference);
            RequireSource(request.EventSourceArn);

            var uuid = NewUuid(store);
            var behaviour = _model.Behaviours.For(kind);
            var settings = Settings(wire);
            settings = CreateDefaults.Apply(settings, behaviour, uuid);
            Conflicts.ThrowIfAny(store, function.Arn, settings, request.FunctionName!, exceptUuid: null);

            var enabled = request.Enabled ?? true;
            var mapping = new StoredMapping
            {
                Uuid = uuid,
                Sequence = store.NextSequence,
                EventSourceMappingArn = $"arn:{Options.Partition}:lambda:{Options.Region}:{Options.AccountId}:event-source-mapping:{uuid}",
                FunctionArn = function.Arn,
                Settings = settings,
                Enabled = enabled,
                // A mapping created disabled is Disabled at once (recorded); an enabled one is Creating first.
                Transition = enabled ? new MappingTransition(MappingStates.Creating, now) : null,
                LastModified = now,
                StateTransitionReason = behaviour.Reason,
                LastProcessingResult = behaviour.InitialProcessingResult,
                Tags = new Dictionary<string, string>(request.Tags ?? new Dictionary<string, string>(), StringComparer.Ordinal),
            };
            TagRules.CheckKeys(mapping.Tags.Keys);
            TagRules.CheckLimit(mapping.Tags.Count);
            store.Add(mapping);
            return View(mapping, forList: false);
        }, created => created.Uuid, cancellationToken);

    public Task<LiveMapping> UpdateAsync(string uuid, MappingConfiguration changes, CancellationToken cancellationToken) =>
        RunAsync(ApiOperations.Update, uuid, mutating: true, (store, now) =>
        {
            var wire = WireConfiguration.Write(changes);
            wire["UUID"] = uuid;
            _model.Validate(ApiOperations.Update, wire);
            wire.Remove("UUID");
            RejectCreateOnlyMembers(wire);
            var mapping = Existing(store, ApiOperations.Update, uuid);
            if (mapping.Transition is not null) throw ApiErrors.UpdateInUse();

            var settings = UpdateMerge.Apply(mapping.Settings, wire, _model.UpdateRequest);
            var merged = WireConfiguration.Read(settings);
            _model.Rules.CheckUpdate(changes, wire, merged, mapping.Kind);
            var functionArn = mapping.FunctionArn;
            if (changes.FunctionName is { } name)
            {
                var function = ResolveFunction(name);
                RequireFunction(function.Reference);
                functionArn = function.Arn;
            }
            if (functionArn != mapping.FunctionArn) Conflicts.ThrowIfAny(store, functionArn, settings, changes.FunctionName!, exceptUuid: uuid);

            var enabled = changes.Enabled ?? mapping.Enabled;
            var state = enabled == mapping.Enabled ? MappingStates.Updating
                : enabled ? MappingStates.Enabling : MappingStates.Disabling;
            var updated = mapping with
            {
                FunctionArn = functionArn,
                Settings = settings,
                Enabled = enabled,
                Transition = new MappingTransition(state, now),
                LastModified = now,
                StateTransitionReason = _model.Behaviours.For(mapping.Kind).Reason,
            };
            store.Replace(updated);
            return View(updated, forList: false);
        }, null, cancellationToken);

    public Task<LiveMapping> DeleteAsync(string uuid, CancellationToken cancellationToken) =>
        RunAsync(ApiOperations.Delete, uuid, mutating: true, (store, now) =>
        {
            var mapping = Existing(store, ApiOperations.Delete, uuid);
            if (mapping.Transition is not null) throw ApiErrors.DeleteInUse();
            var deleting = mapping with
            {
                Transition = new MappingTransition(MappingStates.Deleting, now),
                LastModified = now,
                StateTransitionReason = _model.Behaviours.For(mapping.Kind).Reason,
            };
            store.Replace(deleting);
            return View(deleting, forList: false);
        }, null, cancellationToken);

    public Task<IReadOnlyDictionary<string, string>> ListTagsAsync(string resourceArn, CancellationToken cancellationToken) =>
        RunAsync<IReadOnlyDictionary<string, string>>(ApiOperations.ListTags, null, mutating: false, (store, _) =>
        {
            _model.Validate(ApiOperations.ListTags, Json(("Resource", resourceArn)));
            return new Dictionary<string, string>(Taggable(store, resourceArn).Tags, StringComparer.Ordinal);
        }, null, cancellationToken);

    public Task TagAsync(string resourceArn, IReadOnlyDictionary<string, string> tags, CancellationToken cancellationToken) =>
        RunAsync(ApiOperations.Tag, null, mutating: true, (store, _) =>
        {
            _model.Validate(ApiOperations.Tag, Json(
                ("Resource", resourceArn),
                ("Tags", new JsonObject(tags.Select(t => KeyValuePair.Create(t.Key, (JsonNode?)JsonValue.Create(t.Value)))))));
            var mapping = Taggable(store, resourceArn);
            TagRules.CheckNotEmpty(tags.Count);
            TagRules.CheckKeys(tags.Keys);
            var merged = new Dictionary<string, string>(mapping.Tags, StringComparer.Ordinal);
            foreach (var (key, value) in tags) merged[key] = value;
            TagRules.CheckLimit(merged.Count);
            store.Replace(mapping with { Tags = merged });
            return true;
        }, null, cancellationToken);

    public Task UntagAsync(string resourceArn, IReadOnlyCollection<string> tagKeys, CancellationToken cancellationToken) =>
        RunAsync(ApiOperations.Untag, null, mutating: true, (store, _) =>
        {
            // An empty tagKeys query is no tagKeys at all: the service reports it missing (recorded).
            _model.Validate(ApiOperations.Untag, Json(
                ("Resource", resourceArn),
                ("TagKeys", tagKeys.Count == 0 ? null : new JsonArray(tagKeys.Select(k => (JsonNode?)JsonValue.Create(k)).ToArray()))));
            var mapping = Taggable(store, resourceArn);
            // Keys the mapping does not have are ignored: untagging one answers 204 (recorded).
            var remaining = mapping.Tags.Where(t => !tagKeys.Contains(t.Key)).ToDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal);
            store.Replace(mapping with { Tags = remaining });
            return true;
        }, null, cancellationToken);

    private async Task<TResult> RunAsync<TResult>(
        string operation, string? uuid, bool mutating, Func<MappingStore, DateTimeOffset, TResult> body,
        Func<TResult, string>? uuidOfResult, CancellationToken cancellationToken)
    {
        try
        {
            var result = await _host.RunAsync(mutating, store =>
            {
                var now = _time.GetUtcNow();
                store.Settle(now, Options.TransitionDwell);
                return body(store, now);
            }, cancellationToken).ConfigureAwait(false);
            _journal.Record(new RequestRecord(_time.GetUtcNow(), operation, uuid ?? uuidOfResult?.Invoke(result), mutating, null));
            return result;
        }
        catch (LambdaApiException error)
        {
            _journal.Record(new RequestRecord(_time.GetUtcNow(), operation, uuid, mutating, error.ErrorCode));
            throw;
        }
    }

    private LiveMapping View(StoredMapping mapping, bool forList) => MappingView.Of(mapping, _model.Behaviours, forList);

    /// <summary>The mapping a path UUID names: the UUID is first checked against the model (36 characters), then
    /// for its form (a malformed one is a 400, not a 404), then looked up.</summary>
    private StoredMapping Existing(MappingStore store, string operation, string uuid)
    {
        if (operation != ApiOperations.Update) _model.Validate(operation, Json(("UUID", uuid)));
        if (!Guid.TryParseExact(uuid, "D", out _))
            throw ApiErrors.InvalidParameter($"The event source mapping UUID '{uuid}' is not a UUID.");
        return store.Find(uuid) ?? throw ApiErrors.MappingNotFound();
    }

    /// <summary>The mapping a tag operation names. Only mappings are taggable here; a function's tags are not
    /// emulated. The other resources are answered as the service was recorded answering them (docs/aws.md): a
    /// version or alias ARN is refused before the function is looked up.</summary>
    private static StoredMapping Taggable(MappingStore store, string resourceArn)
    {
        // The model's pattern has passed: arn:partition:lambda:region:account:type:name[:qualifier].
        var parts = resourceArn.Split(':');
        switch (parts[5])
        {
            case "function" when parts.Length > 7:
                throw ApiErrors.InvalidParameter("Tags on function aliases and versions are not supported. Please specify a function ARN.");
            case "function":
                throw ApiErrors.NotFound($"Function not found: {resourceArn}");
            case "capacity-provider":
                throw ApiErrors.NotFound($"Capacity provider not found: {resourceArn}");
            case "event-source-mapping":
                return store.FindByArn(resourceArn) ?? throw ApiErrors.TaggedMappingNotFound(resourceArn);
            default:
                throw ApiErrors.NotFound($"The resource you requested does not exist: {resourceArn}");
        }
    }

    /// <summary>Update has no member for these; sending one is an error here, so a client that sends one learns it
    /// before AWS silently ignores it. VIRTUAL_HOST "cannot be specified in an UpdateEventSourceMapping API call".</summary>
    private void RejectCreateOnlyMembers(JsonObject wire)
    {
        foreach (var member in _model.CreateOnly)
        {
            if (wire[member] is not null)
                throw ApiErrors.InvalidParameter($"{member} cannot be updated. Delete the event source mapping and create a new one.");
        }
        if (wire["SourceAccessConfigurations"] is JsonArray access && access.Any(UpdateMerge.IsVirtualHost))
            throw ApiErrors.InvalidParameter("SourceAccessConfigurations of type VIRTUAL_HOST cannot be specified in an UpdateEventSourceMapping call.");
    }

    /// <summary>Lambda polls a source only in its own region. Quoted by CloudFormation from Lambda (not recorded):
    /// "Event source region must match Lambda region us-west-1." Another account is fine (cross-account queues and
    /// streams are supported).</summary>
    private void RequireSourceInRegion(string? arn)
    {
        if (arn is not null && EventSource.RegionOf(arn) is { } region && region != Options.Region)
            throw ApiErrors.InvalidParameter($"Event source region must match Lambda region {Options.Region}.");
    }

    /// <summary>A function ARN of another region is Lambda's 404 "Functions from 'R' are not reachable in this region
    /// ('H')" (quoted from Invoke; not recorded for mappings), never a mapping in this region of a function elsewhere.</summary>
    private (string Arn, FunctionReference Reference) ResolveFunction(string functionName)
    {
        var reference = FunctionReference.TryParse(functionName)
            ?? throw ApiErrors.InvalidParameter($"FunctionName '{functionName}' is not a function name, partial ARN or function ARN.");
        if (reference.Region is { } region && region != Options.Region)
            throw ApiErrors.NotFound($"Functions from '{region}' are not reachable in this region ('{Options.Region}')");
        return (reference.ToArn(Options.Partition, Options.Region, Options.AccountId), reference);
    }

    private void RequireFunction(FunctionReference reference)
    {
        if (Inventory is { } inventory && !inventory.HasFunction(reference))
            throw ApiErrors.InvalidParameter("Function does not exist");
    }

    /// <summary>The recorded answers for a missing queue and a missing stream; self-managed Kafka brokers are the
    /// user's own servers, which the service does not look up at creation.</summary>
    private void RequireSource(string? arn)
    {
        if (Inventory is not { } inventory || arn is null || inventory.HasSource(arn)) return;
        throw ApiErrors.InvalidParameter(EventSource.KindOfArn(arn) switch
        {
            SourceKind.Sqs => "Error occurred while ReceiveMessage. SQS Error Code: AWS.SimpleQueueService.NonExistentQueue. SQS Error Message: The specified queue does not exist.",
            SourceKind.Kinesis or SourceKind.DynamoDbStreams => $"Stream not found: {arn}",
            SourceKind.AmazonMq => $"Broker not found: {arn}",
            _ => $"Cluster not found: {arn}",
        });
    }

    /// <summary>The settings part of a request: no FunctionName, Enabled or Tags, empty values dropped.</summary>
    private static JsonObject Settings(JsonObject wire)
    {
        var settings = JsonTree.Pruned(wire);
        foreach (var member in RequestOnly) settings.Remove(member);
        return settings;
    }

    private string NewUuid(MappingStore store)
    {
        for (var attempt = 0; attempt < 16; attempt++)
        {
            var uuid = _newUuid().ToString("D");
            if (store.Find(uuid) is null) return uuid;
        }
        throw new InvalidOperationException("The UUID source keeps returning UUIDs already in use.");
    }

    private static JsonObject Json(params (string Name, object? Value)[] members) => WireJson.Object(members);
}
