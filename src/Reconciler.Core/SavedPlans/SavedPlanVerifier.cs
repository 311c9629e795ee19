using Reconciler.Core.Api;
using Reconciler.Core.Manifests;
using Reconciler.Core.Model;
using Reconciler.Core.Planning;

namespace Reconciler.Core.SavedPlans;

/// <summary>
/// Decides whether a saved plan still describes the world: the manifests must hash to the saved digest, every
/// mapping the plan acts on must be as it was (UUID, LastModified, State, compared values and tags: one Get and one
/// ListTags each), and no mapping may have appeared where the plan creates one (a List filtered by function and
/// source). Only the affected mappings are read, not the account.
/// </summary>
public static class SavedPlanVerifier
{
    public static async Task<SavedPlanCheck> CheckAsync(
        SavedPlanDocument saved, ManifestSet manifests, ILambdaMappingApi api, CancellationToken cancellationToken)
    {
        var moved = new List<string>();
        if (!string.Equals(saved.Manifests.Digest, manifests.Digest, StringComparison.Ordinal))
            moved.Add(ManifestsMoved(saved.Manifests, manifests));

        var desiredByName = manifests.Mappings.ToDictionary(m => m.Name, StringComparer.Ordinal);
        var actions = new List<PlannedAction>();
        foreach (var action in saved.Actions)
        {
            var kind = KindOf(action.Action);
            LiveMapping? live = null;
            if (action.Fingerprint is { } fingerprint)
            {
                live = await ReadAsync(action, fingerprint, api, moved, cancellationToken);
            }
            if (kind == PlanActionKind.Create && action.NaturalKey is { } key)
            {
                foreach (var taken in await TakenAsync(key, api, cancellationToken))
                    moved.Add($"{action.Name}: a mapping with the same function and source appeared since the plan (UUID {taken.Uuid}); the create would conflict");
            }
            actions.Add(new PlannedAction
            {
                Name = action.Name,
                Kind = kind,
                Uuid = action.Uuid,
                Desired = desiredByName.GetValueOrDefault(action.Name),
                Live = live,
                Changes = [.. action.Changes.Select(c => new FieldChange(c.Field, c.Before?.DeepClone(), c.After?.DeepClone(), c.ForcesReplacement))],
                Warnings = [.. action.Warnings],
                CreateRequest = SavedRequest.Read(action.CreateRequest),
                UpdateRequest = SavedRequest.Read(action.UpdateRequest),
                TagChange = action.TagChange is { } t ? new TagChange(t.Set.ToDictionary(StringComparer.Ordinal), [.. t.Remove]) : null,
            });
        }
        return moved.Count > 0 ? new SavedPlanCheck(moved, null) : new SavedPlanCheck([], new Plan(actions, [], []));
    }

    private static async Task<LiveMapping?> ReadAsync(
        SavedAction action, SavedFingerprint fingerprint, ILambdaMappingApi api, List<string> moved, CancellationToken ct)
    {
        LiveMapping live;
        try
        {
            live = await api.GetAsync(fingerprint.Uuid, ct);
        }
        catch (LambdaApiException e) when (e.Is(LambdaErrorCodes.ResourceNotFound))
        {
            moved.Add($"{action.Name}: mapping {fingerprint.Uuid} was deleted since the plan");
            return null;
        }
        if (live.State == MappingStates.Deleting)
        {
            moved.Add($"{action.Name}: mapping {fingerprint.Uuid} is being deleted since the plan");
            return live;
        }
        var tags = await api.ListTagsAsync(live.EventSourceMappingArn, ct);
        var differences = MappingFingerprint.Differences(fingerprint, MappingFingerprint.Of(live, tags));
        if (differences.Count > 0)
            moved.Add($"{action.Name}: mapping {fingerprint.Uuid} changed since the plan ({string.Join("; ", differences)})");
        return live;
    }

    private static async Task<IReadOnlyList<LiveMapping>> TakenAsync(SavedNaturalKey key, ILambdaMappingApi api, CancellationToken ct)
    {
        var wanted = new NaturalKey(key.FunctionArn, key.Source, key.Topic, key.Queue);
        var found = new List<LiveMapping>();
        string? marker = null;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        do
        {
            var page = await api.ListAsync(new ListMappingsQuery(marker, null, key.FunctionArn, key.EventSourceArn), ct);
            found.AddRange(page.Mappings.Where(m => m.State != MappingStates.Deleting && NaturalKey.OfLive(m) == wanted));
            marker = page.NextMarker;
        }
        while (!string.IsNullOrEmpty(marker) && seen.Add(marker));
        return found;
    }

    private static string ManifestsMoved(SavedManifests saved, ManifestSet now)
    {
        var added = now.Files.Except(saved.Files, StringComparer.Ordinal).ToList();
        var removed = saved.Files.Except(now.Files, StringComparer.Ordinal).ToList();
        var detail = added.Count + removed.Count == 0
            ? "a file's content changed"
            : string.Join("; ", added.Select(f => $"added {f}").Concat(removed.Select(f => $"removed {f}")));
        return $"manifests changed since the plan ({detail}; digest {Short(saved.Digest)} -> {Short(now.Digest)})";
    }

    private static string Short(string digest) => digest.Length > 12 ? digest[..12] : digest;

    private static PlanActionKind KindOf(string word) => word switch
    {
        "create" => PlanActionKind.Create,
        "update" => PlanActionKind.Update,
        "replace" => PlanActionKind.Replace,
        "delete" => PlanActionKind.Delete,
        "adopt" => PlanActionKind.Adopt,
        "noop" => PlanActionKind.Noop,
        _ => throw new InvalidDataException($"unknown action '{word}' in the saved plan"),
    };
}
