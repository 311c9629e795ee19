using System.Text.RegularExpressions;
using Reconciler.Core.Api;
using Reconciler.Core.Model;

namespace Reconciler.Emulator.ControlPlane;

/// <summary>
/// The Lambda event source mapping control plane, emulated in process: the same answers, errors and state machine
/// AWS documents, behind the engine's port. State lives in memory (this constructor) or in a file
/// (<see cref="Persistence.FileBackedControlPlane"/>). Transitions end when <see cref="ControlPlaneOptions.TransitionDwell"/>
/// has passed on the injected clock; a mutating call answers with the transitional state, as AWS's 202 does.
/// Thread-safe. The HTTP face maps routes onto these methods and reads <see cref="RequestLog"/> and <see cref="Counters"/>.
/// </summary>
public sealed partial class EmulatedControlPlane : ILambdaMappingApi
{
    private const string UserInitiated = "USER_INITIATED";

    private readonly IMappingStoreHost _host;
    private readonly TimeProvider _time;
    private readonly Func<Guid> _newUuid;
    private readonly RequestJournal _journal;

    public EmulatedControlPlane(ControlPlaneOptions? options = null, TimeProvider? time = null, Func<Guid>? newUuid = null)
        : this(new InMemoryStoreHost(), options, time, newUuid)
    {
    }

    internal EmulatedControlPlane(IMappingStoreHost host, ControlPlaneOptions? options, TimeProvider? time, Func<Guid>? newUuid)
    {
        _host = host;
        Options = (options ?? new ControlPlaneOptions()).Validated();
        _time = time ?? TimeProvider.System;
        _newUuid = newUuid ?? UuidSources.Random;
        _journal = new RequestJournal(Options.RequestLogCapacity);
    }

    public ControlPlaneOptions Options { get; }

    /// <summary>The most recent requests, oldest first (at most <see cref="ControlPlaneOptions.RequestLogCapacity"/>).</summary>
    public IReadOnlyList<RequestRecord> RequestLog => _journal.Recent;

    public ControlPlaneCounters Counters => _journal.Counters;

    public Task<MappingPage> ListAsync(ListMappingsQuery query, CancellationToken cancellationToken) =>
        RunAsync(ApiOperations.List, null, mutating: false, (store, _) =>
        {
            if (query.MaxItems is { } max && max is < 1 or > 10000)
                throw ApiErrors.InvalidParameter($"MaxItems must be between 1 and 10000, but was {max}.");
            // "ListEventSourceMappings returns a maximum of 100 items in each response, even if you set the number higher."
            var pageSize = Math.Min(query.MaxItems ?? 100, 100);
            var after = query.Marker is { Length: > 0 } marker ? ListMarker.Decode(marker) : 0;
            // The filter matches the resolved FunctionArn exactly: "f" lists mappings of the unqualified function,
            // "f:live" those of the alias, as the qualifier is part of what a mapping invokes.
            var functionArn = query.FunctionName is { Length: > 0 } name ? ResolveFunctionArn(name) : null;
            var matching = store.Mappings
                .Where(m => m.Sequence > after)
                .Where(m => functionArn is null || m.FunctionArn == functionArn)
                .Where(m => query.EventSourceArn is not { Length: > 0 } || m.Configuration.EventSourceArn == query.EventSourceArn)
                .Take(pageSize + 1)
                .ToList();
            var page = matching.Take(pageSize).ToList();
            var next = matching.Count > pageSize ? ListMarker.Encode(page[^1].Sequence) : null;
            return new MappingPage(page.Select(m => ResponseView.Of(m, forList: true)).ToList(), next);
        }, null, cancellationToken);

    public Task<LiveMapping> GetAsync(string uuid, CancellationToken cancellationToken) =>
        RunAsync(ApiOperations.Get, uuid, mutating: false,
            (store, _) => ResponseView.Of(Existing(store, uuid), forList: false), null, cancellationToken);

    public Task<LiveMapping> CreateAsync(MappingConfiguration request, CancellationToken cancellationToken) =>
        RunAsync(ApiOperations.Create, null, mutating: true, (store, now) =>
        {
            var kind = MappingValidator.ValidateCreateOnly(request, now);
            var functionArn = ResolveFunctionArn(request.FunctionName!);
            var settings = EmptyStructures.Drop(request) with { FunctionName = functionArn, Enabled = null, Tags = null };
            MappingValidator.ValidateSettings(settings, kind);
            settings = CreateDefaults.Apply(settings, kind);
            ThrowIfConflict(store, functionArn, settings, request.FunctionName!, exceptUuid: null);

            var uuid = NewUuid(store);
            var mapping = new StoredMapping
            {
                Uuid = uuid,
                Sequence = store.NextSequence,
                EventSourceMappingArn = $"arn:{Options.Partition}:lambda:{Options.Region}:{Options.AccountId}:event-source-mapping:{uuid}",
                FunctionArn = functionArn,
                Configuration = settings,
                Enabled = request.Enabled ?? true,
                Transition = new MappingTransition(MappingStates.Creating, now),
                LastModified = now,
                StateTransitionReason = UserInitiated,
                Tags = new Dictionary<string, string>(request.Tags ?? new Dictionary<string, string>(), StringComparer.Ordinal),
            };
            store.Add(mapping);
            return ResponseView.Of(mapping, forList: false);
        }, created => created.Uuid, cancellationToken);

    public Task<LiveMapping> UpdateAsync(string uuid, MappingConfiguration changes, CancellationToken cancellationToken) =>
        RunAsync(ApiOperations.Update, uuid, mutating: true, (store, now) =>
        {
            MappingValidator.RejectCreateOnlyMembers(changes);
            var mapping = Existing(store, uuid);
            if (mapping.Transition is { } transition) throw ApiErrors.InUse(uuid, transition.State);

            var functionArn = changes.FunctionName is { } name ? ResolveFunctionArn(name) : mapping.FunctionArn;
            var merged = UpdateMerge.Apply(mapping.Configuration, changes) with { FunctionName = functionArn };
            MappingValidator.ValidateSettings(merged, mapping.Kind);
            if (functionArn != mapping.FunctionArn) ThrowIfConflict(store, functionArn, merged, changes.FunctionName!, exceptUuid: uuid);

            var enabled = changes.Enabled ?? mapping.Enabled;
            var state = enabled == mapping.Enabled ? MappingStates.Updating
                : enabled ? MappingStates.Enabling : MappingStates.Disabling;
            var updated = mapping with
            {
                FunctionArn = functionArn,
                Configuration = merged,
                Enabled = enabled,
                Transition = new MappingTransition(state, now),
                LastModified = now,
                StateTransitionReason = UserInitiated,
            };
            store.Replace(updated);
            return ResponseView.Of(updated, forList: false);
        }, null, cancellationToken);

    public Task<LiveMapping> DeleteAsync(string uuid, CancellationToken cancellationToken) =>
        RunAsync(ApiOperations.Delete, uuid, mutating: true, (store, now) =>
        {
            var mapping = Existing(store, uuid);
            if (mapping.Transition is { } transition) throw ApiErrors.InUse(uuid, transition.State);
            var deleting = mapping with
            {
                Transition = new MappingTransition(MappingStates.Deleting, now),
                LastModified = now,
                StateTransitionReason = UserInitiated,
            };
            store.Replace(deleting);
            return ResponseView.Of(deleting, forList: false);
        }, null, cancellationToken);

    public Task<IReadOnlyDictionary<string, string>> ListTagsAsync(string resourceArn, CancellationToken cancellationToken) =>
        RunAsync<IReadOnlyDictionary<string, string>>(ApiOperations.ListTags, null, mutating: false,
            (store, _) => new Dictionary<string, string>(Taggable(store, resourceArn).Tags, StringComparer.Ordinal),
            null, cancellationToken);

    public Task TagAsync(string resourceArn, IReadOnlyDictionary<string, string> tags, CancellationToken cancellationToken) =>
        RunAsync(ApiOperations.Tag, null, mutating: true, (store, _) =>
        {
            var mapping = Taggable(store, resourceArn);
            if (tags.Count == 0) throw ApiErrors.InvalidParameter("Tags must contain at least one tag.");
            TagRules.Validate(tags, existingCount: mapping.Tags.Keys.Count(k => !tags.ContainsKey(k)));
            var merged = new Dictionary<string, string>(mapping.Tags, StringComparer.Ordinal);
            foreach (var (key, value) in tags) merged[key] = value;
            store.Replace(mapping with { Tags = merged });
            return true;
        }, null, cancellationToken);

    public Task UntagAsync(string resourceArn, IReadOnlyCollection<string> tagKeys, CancellationToken cancellationToken) =>
        RunAsync(ApiOperations.Untag, null, mutating: true, (store, _) =>
        {
            var mapping = Taggable(store, resourceArn);
            if (tagKeys.Count == 0) throw ApiErrors.InvalidParameter("TagKeys must contain at least one key.");
            var remaining = mapping.Tags.Where(t => !tagKeys.Contains(t.Key))
                .ToDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal);
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

    private static StoredMapping Existing(MappingStore store, string uuid) =>
        store.Find(uuid) ?? throw ApiErrors.MappingNotFound(uuid);

    private StoredMapping Taggable(MappingStore store, string resourceArn)
    {
        if (!TaggableResourcePattern().IsMatch(resourceArn ?? ""))
            throw ApiErrors.InvalidParameter($"'{resourceArn}' is not a taggable Lambda resource ARN.");
        // Functions and code signing configs are taggable in AWS, but this control plane knows only mappings.
        return store.FindByArn(resourceArn!) ?? throw ApiErrors.NotFound($"The resource you requested does not exist: {resourceArn}");
    }

    private string ResolveFunctionArn(string functionName) =>
        (FunctionReference.TryParse(functionName)
            ?? throw ApiErrors.InvalidParameter($"FunctionName '{functionName}' is not a function name, partial ARN or function ARN."))
        .ToArn(Options.Partition, Options.Region, Options.AccountId);

    private static void ThrowIfConflict(MappingStore store, string functionArn, MappingConfiguration settings, string requestedFunction, string? exceptUuid)
    {
        var key = NaturalKey.Of(functionArn, settings);
        // A mapping still in Deleting exists until it is gone, so it still conflicts.
        var existing = store.Mappings.FirstOrDefault(m => m.Uuid != exceptUuid && NaturalKey.Of(m.FunctionArn, m.Configuration) == key);
        if (existing is not null) throw ApiErrors.Conflict(NaturalKey.ConflictMessage(existing, requestedFunction));
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

    [GeneratedRegex(@"^arn:(aws[a-zA-Z-]*):lambda:(eusc-)?[a-z]{2}((-gov)|(-iso([a-z]?)))?-[a-z]+-\d{1}:\d{12}:(function:[a-zA-Z0-9-_]+(:(\$LATEST|[a-zA-Z0-9-_]+))?|code-signing-config:csc-[a-z0-9]{17}|event-source-mapping:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|(capacity-provider|network-connector):[a-zA-Z0-9-_]{1,64})$")]
    private static partial Regex TaggableResourcePattern();
}
