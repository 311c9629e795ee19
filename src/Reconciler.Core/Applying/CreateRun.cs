using Reconciler.Core.Api;
using Reconciler.Core.Model;
using Reconciler.Core.Planning;
using Reconciler.Core.Safety;
using Reconciler.Core.Retrying;

namespace Reconciler.Core.Applying;

/// <summary>
/// One create, to the end. A create whose outcome is lost (a 5xx, a timeout, a dropped connection, an unreadable
/// success) may have committed: look for the mapping by this owner's and this manifest's tags; not found, wait (List
/// can lag a create) and look once more, then send the create again, up to <see cref="ApplyOptions.CreateAttempts"/>
/// in all. A retry cannot duplicate: AWS refuses a second mapping of the same function and source (SQS, Kinesis,
/// DynamoDB Streams; Kafka with an overlapping broker and topic) with 409 ResourceConflictException naming the first.
/// A 409 is resolved here too, and never by taking over: only a mapping with this owner's and this manifest's tags is
/// continued from, and only if it already is what the create asked for; anything else is a conflict that says what
/// exists and how to resolve it. Nothing is ever sent to the existing mapping (an update would be unreviewed).
/// </summary>
internal sealed class CreateRun(
    PlannedAction action,
    MappingConfiguration request,
    ApplyContext context,
    ActionCalls calls,
    List<string> done)
{
    private Exception? _lost;
    private Exception? _lookFailed;

    /// <summary>What a person should know about how the create ended, when it took an unusual path.</summary>
    public string? Detail { get; private set; }

    /// <summary>Whether the mapping this create returns may still be settling (always, once it exists).</summary>
    public bool Sent { get; private set; }

    /// <summary>The mapping was found already there, not made by this run's create.</summary>
    public bool FoundExisting { get; private set; }

    private ILambdaMappingApi Api => context.Api;

    public async Task<LiveMapping> RunAsync()
    {
        for (var attempt = 1; ; attempt++)
        {
            calls.Report(ApplyStep.Creating, detail: attempt > 1 ? $"attempt {attempt} of {context.Options.CreateAttempts}" : null);
            try
            {
                var created = await calls.CallAsync(ApiOperation.Create, t => Api.CreateAsync(request, t));
                calls.Uuid = created.Uuid;
                Sent = true;
                done.Add($"created {created.Uuid}");
                if (_lost is not null) Detail = $"created on attempt {attempt}, after an earlier attempt's outcome was lost ({Why(_lost)}) and its mapping was not found";
                return created;
            }
            catch (LambdaApiException conflict) when (conflict.Is(LambdaErrorCodes.ResourceConflict))
            {
                if (await ResolveConflictAsync(conflict) is { } found) return found;
                // The mapping it met was being deleted and is gone now: create again.
                if (attempt >= context.Options.CreateAttempts) throw new ApplyFailure(ApplyErrorCodes.UnresolvedConflict,
                    $"create kept meeting mappings being deleted ({conflict.ServiceMessage}); run plan again");
                calls.RepeatedAfterBusy();
            }
            catch (Exception failure) when (IsLost(failure))
            {
                _lost = failure;
                calls.Report(ApplyStep.ResolvingConflict,
                    detail: $"create's outcome is unknown ({Why(failure)}); looking for the mapping it may have made");
                if (await TryFindOwnAsync() is { } found) return await ContinueFromOwnAsync(found.Live, found.Tags);
                var delay = Backoff.EqualJitter(attempt - 1, context.Options.LostCreateDelay,
                    Max(context.Options.LostCreateDelay, context.Options.PollBackoffMax), context.Options.Jitter());
                await calls.DelayAsync(ApplyStep.RetryingCreate, delay,
                    $"{(_lookFailed is null ? "not found" : "could not look")}; looking again in {ActionCalls.Seconds(delay)} (a listing can lag a create)");
                if (await TryFindOwnAsync() is { } late) return await ContinueFromOwnAsync(late.Live, late.Tags);
                if (attempt >= context.Options.CreateAttempts)
                {
                    var looked = _lookFailed is { } look
                        ? $"and looking for its mapping failed too ({Why(look)})"
                        : "and no mapping of this manifest was found afterwards";
                    throw new ApplyFailure(ApplyErrorCodes.CreateOutcomeUnknown,
                        $"{Why(failure)}; the create was sent {attempt} times, each outcome was lost, {looked}; " +
                        "the next apply creates it or finds it");
                }
                calls.ResentLostCreate();
            }
        }
    }

    /// <summary>Whether a failed create may have committed (<see cref="LostOutcome"/>).</summary>
    private bool IsLost(Exception failure) => LostOutcome.Is(failure, context.Interrupt.Abort);

    /// <summary>
    /// A create met ResourceConflictException. Returns the mapping when it is this create's own (found after a lost
    /// response, or made by a concurrent run of the same owner and manifest) and already what the create asked for;
    /// null when the mapping it met was being deleted and is now gone (create again). Throws a conflict otherwise.
    /// </summary>
    private async Task<LiveMapping?> ResolveConflictAsync(LambdaApiException conflict)
    {
        calls.Report(ApplyStep.ResolvingConflict, detail: conflict.ServiceMessage);
        var uuid = ConflictMessage.FindUuid(conflict.ServiceMessage) ?? await FindConflictingAsync();
        if (uuid is null)
        {
            throw ApplyFailure.Conflict(ApplyErrorCodes.UnresolvedConflict,
                $"create answered \"{conflict.ServiceMessage}\" and no existing mapping of this function and source was found; run plan again");
        }

        LiveMapping live;
        try
        {
            live = await calls.CallAsync(ApiOperation.Get, t => Api.GetAsync(uuid, t));
        }
        catch (LambdaApiException e) when (e.Is(LambdaErrorCodes.ResourceNotFound))
        {
            return null;
        }
        if (live.State == MappingStates.Deleting)
        {
            calls.Uuid = uuid;
            await calls.WaitUntilGoneAsync(uuid, $"mapping {uuid} with this function and source was still being deleted {{0}}; the create was not sent again");
            calls.Uuid = null;
            return null;
        }
        var tags = await calls.CallAsync(ApiOperation.ListTags, t => Api.ListTagsAsync(live.EventSourceMappingArn, t));
        var desired = action.Desired;
        if (desired is not null && Ownership.IsOwnedBy(tags, context.Policy.Owner) && Ownership.NameOf(tags) == desired.Name)
        {
            return await ContinueFromOwnAsync(live, tags);
        }
        throw ApplyFailure.Conflict(ApplyErrorCodes.UnresolvedConflict, Foreign(live, tags));
    }

    /// <summary>
    /// The mapping carries this owner's and this manifest's tags. If it already is what the create asked for, the
    /// create is done; otherwise it is a conflict: reaching the manifest from it needs an update nobody reviewed.
    /// </summary>
    private Task<LiveMapping> ContinueFromOwnAsync(LiveMapping live, IReadOnlyDictionary<string, string> tags)
    {
        var desired = action.Desired!;
        calls.Uuid = live.Uuid;
        var next = Planner.PlanAgainst(desired, live, tags, context.Policy.Planning);
        var how = _lost is not null ? "after the create's response was lost" : "after the create was refused as a duplicate";
        if (next.Kind != PlanActionKind.Noop)
        {
            var fields = string.Join(", ", next.Changes.Select(c => c.Field));
            throw ApplyFailure.Conflict(ApplyErrorCodes.UnresolvedConflict,
                $"mapping {live.Uuid} carries this manifest's tags (found {how}) but differs from the create request " +
                $"({(fields.Length > 0 ? fields : Verb(next.Kind))}); nothing was sent to it. Run plan again to review the change");
        }
        Sent = true;
        FoundExisting = true;
        Detail = _lost is not null
            ? $"created (found after lost response): found the existing mapping {live.Uuid} with this manifest's tags after {Why(_lost)}"
            : $"create answered ResourceConflictException: found the existing mapping {live.Uuid} with this manifest's tags, " +
              $"already as the manifest asks (a lost response, or another run of owner '{context.Policy.Owner}')";
        done.Add($"found {live.Uuid}");
        return Task.FromResult(live);
    }

    /// <summary>
    /// <see cref="FindOwnAsync"/>, where a look that fails the way the create did (throttled past the client's retries, a
    /// 5xx, a lost connection) leaves the outcome unknown rather than ending the create: null, and the failure is kept
    /// for the message. The next look, or the next send (answered 409 naming the mapping if the first committed), resolves
    /// it. A look that is refused (access denied) and a conflict (two mappings with these tags) still end it.
    /// </summary>
    private async Task<(LiveMapping Live, IReadOnlyDictionary<string, string> Tags)?> TryFindOwnAsync()
    {
        try
        {
            var found = await FindOwnAsync();
            _lookFailed = null;
            return found;
        }
        catch (Exception look) when (IsLost(look) || look is LambdaApiException throttled && throttled.Is(LambdaErrorCodes.TooManyRequests))
        {
            _lookFailed = look;
            calls.Report(ApplyStep.ResolvingConflict, detail: $"looking for the mapping failed ({Why(look)}); its outcome is still unknown");
            return null;
        }
    }

    /// <summary>This function's mappings of this source (not being deleted) that carry this owner's and this manifest's
    /// tags. Null when there is none; more than one is a conflict to resolve by hand.</summary>
    private async Task<(LiveMapping Live, IReadOnlyDictionary<string, string> Tags)?> FindOwnAsync()
    {
        var desired = action.Desired;
        if (desired is null) return null;
        var found = new List<(LiveMapping Live, IReadOnlyDictionary<string, string> Tags)>();
        foreach (var candidate in (await ListSameSourceAsync()).Where(m => m.State != MappingStates.Deleting))
        {
            IReadOnlyDictionary<string, string> tags;
            try
            {
                tags = await calls.CallAsync(ApiOperation.ListTags, t => Api.ListTagsAsync(candidate.EventSourceMappingArn, t));
            }
            catch (LambdaApiException e) when (e.Is(LambdaErrorCodes.ResourceNotFound))
            {
                continue;
            }
            if (Ownership.IsOwnedBy(tags, context.Policy.Owner) && Ownership.NameOf(tags) == desired.Name) found.Add((candidate, tags));
        }
        return found.Count switch
        {
            0 => null,
            1 => found[0],
            _ => throw ApplyFailure.Conflict(ApplyErrorCodes.UnresolvedConflict,
                $"{found.Count} mappings carry this manifest's tags ({string.Join(", ", found.Select(f => f.Live.Uuid))}); " +
                "delete the extra ones, then run plan again"),
        };
    }

    /// <summary>The conflict message named no UUID: the one mapping of this function and source with the same topics
    /// or queues. Null when there is none.</summary>
    private async Task<string?> FindConflictingAsync()
    {
        var matches = await ListSameSourceAsync();
        return matches.Count switch
        {
            0 => null,
            1 => matches[0].Uuid,
            _ => throw ApplyFailure.Conflict(ApplyErrorCodes.UnresolvedConflict,
                $"create met a conflict and {matches.Count} existing mappings match this function and source " +
                $"({string.Join(", ", matches.Select(m => m.Uuid))}); run plan again"),
        };
    }

    /// <summary>
    /// How many pages one look lists at most. The listing is filtered by function and source, where a few mappings
    /// exist (one per topic or queue); a server that keeps sending fresh markers must not keep the apply listing forever.
    /// </summary>
    internal const int MaxLookPages = 1_000;

    /// <summary>This function's mappings of this source with the same topics or queues, across every page (within
    /// <see cref="MaxLookPages"/>; a repeated marker or a page of mappings already seen ends the listing too).</summary>
    private async Task<List<LiveMapping>> ListSameSourceAsync()
    {
        var matches = new List<LiveMapping>();
        var markers = new HashSet<string>(StringComparer.Ordinal);
        var uuids = new HashSet<string>(StringComparer.Ordinal);
        string? marker = null;
        for (var pages = 1; ; pages++)
        {
            var query = new ListMappingsQuery(Marker: marker, FunctionName: request.FunctionName, EventSourceArn: request.EventSourceArn);
            var page = await calls.CallAsync(ApiOperation.List, t => Api.ListAsync(query, t));
            var fresh = page.Mappings.Where(m => uuids.Add(m.Uuid)).ToList();
            matches.AddRange(fresh.Where(m => SameSource(m.Configuration)));
            if (page.NextMarker is not { Length: > 0 } next || !markers.Add(next)) break;
            if (fresh.Count == 0 && page.Mappings.Count > 0) break;
            if (pages >= MaxLookPages) break;
            marker = next;
        }
        return matches;
    }

    /// <summary>Same topics or queues; and, for a self-managed Kafka source (no ARN to filter by), a broker in common.</summary>
    private bool SameSource(MappingConfiguration live) =>
        SameSet(live.Topics, request.Topics) && SameSet(live.Queues, request.Queues)
        && (request.SelfManagedEventSource is null || SharesBroker(live, request));

    private static bool SameSet(IReadOnlyList<string>? live, IReadOnlyList<string>? wanted) =>
        wanted is null || wanted.Count == 0 || (live is not null && live.ToHashSet(StringComparer.Ordinal).SetEquals(wanted));

    private static bool SharesBroker(MappingConfiguration live, MappingConfiguration wanted)
    {
        static IEnumerable<string> Brokers(MappingConfiguration c) =>
            (c.SelfManagedEventSource?.Endpoints ?? new Dictionary<string, IReadOnlyList<string>>()).SelectMany(e => e.Value);
        return Brokers(live).Intersect(Brokers(wanted), StringComparer.Ordinal).Any();
    }

    /// <summary>What a conflict on a mapping that is not this create's says: what exists, and how to adopt or resolve it.</summary>
    private string Foreign(LiveMapping live, IReadOnlyDictionary<string, string> tags)
    {
        var owner = Ownership.OwnerOf(tags);
        var exists = $"mapping {live.Uuid} already exists for {WriteGate.Describe(NaturalKey.OfLive(live))} ({live.State})";
        if (owner is null)
        {
            return $"{exists} and no esmctl instance manages it; esmctl did not change it. To adopt it into this manifest, " +
                "run plan again: it shows the mapping as adopt (tags added, differing settings updated), and apply that";
        }
        if (owner != context.Policy.Owner)
        {
            return $"{exists} and is managed by '{owner}' (tag {ManagedTags.ManagedBy}), not '{context.Policy.Owner}'; esmctl " +
                $"did not change it. Remove it from owner '{owner}''s manifests first, or drop this manifest";
        }
        if (Ownership.NameOf(tags) == action.Name)
        {
            // This owner's and this name's, but the action carries no manifest to compare it with (an action from a file).
            return $"{exists} and carries this owner's and this manifest's tags, but the create has no manifest to compare " +
                "it with; esmctl did not change it. Run plan again";
        }
        return $"{exists} and is managed by '{owner}' as manifest '{Ownership.NameOf(tags) ?? "(no name)"}', not " +
            $"'{action.Name}'; esmctl did not change it. Two manifests claim the same function and source: keep one, then run plan again";
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private static string Why(Exception failure) => LostOutcome.Describe(failure);

    private static string Verb(PlanActionKind kind) => kind.ToString().ToLowerInvariant();
}
