using Reconciler.Core.Live;
using Reconciler.Core.Manifests;
using Reconciler.Core.Planning;
using Reconciler.Core.Rendering;

namespace Reconciler.Core.SavedPlans;

/// <summary>Turns a computed plan, and what it was computed from, into the saved-plan document.</summary>
public static class SavedPlanWriter
{
    public static SavedPlanDocument ToDocument(
        Plan plan, ManifestSet manifests, IReadOnlyList<string> paths, LiveState live, PlanOptions options,
        SavedTarget target, DateTimeOffset createdAt)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return new SavedPlanDocument
        {
            CreatedAt = createdAt,
            Manifests = new SavedManifests(manifests.Digest, [.. paths], [.. manifests.Files]),
            Target = target,
            Options = new SavedPlanOptions(options.Owner, options.Prune),
            Actions = [.. PlanOrder.Actions(plan).Select(a => ToSaved(a, live, options))],
        };
    }

    /// <summary>One action as the file holds it; also how a plan made now is compared with a saved one.</summary>
    public static SavedAction ToSaved(PlannedAction action, LiveState live, PlanOptions options)
    {
        var mapping = action.Live;
        return new SavedAction
        {
            Name = action.Name,
            Action = PlanActionWords.Word(action.Kind),
            Uuid = action.Uuid ?? mapping?.Uuid,
            CreateRequest = SavedRequest.Of(action.CreateRequest),
            UpdateRequest = SavedRequest.Of(action.UpdateRequest),
            TagChange = action.TagChange is { } t
                ? new SavedTagChange(new SortedDictionary<string, string>(t.Set.ToDictionary(), StringComparer.Ordinal), [.. t.Remove])
                : null,
            // Every action on an existing mapping carries one (no-ops included), with that mapping's UUID.
            Fingerprint = mapping is not null ? MappingFingerprint.Of(mapping, live.TagsOf(mapping.Uuid)) : null,
            NaturalKey = action.Kind == PlanActionKind.Create && action.CreateRequest is { } create
                ? KeyOf(action, create, options)
                : null,
            Changes = [.. action.Changes.Select(c => new SavedFieldChange(c.Field, c.Before?.DeepClone(), c.After?.DeepClone(), c.ForcesReplacement))],
            Warnings = [.. action.Warnings],
        };
    }

    private static SavedNaturalKey KeyOf(PlannedAction action, Model.MappingConfiguration create, PlanOptions options)
    {
        var key = NaturalKey.OfDesired(create, action.Desired?.Account, action.Desired?.Region, options);
        return new SavedNaturalKey(key.FunctionArn, create.EventSourceArn, key.Source, key.Topic, key.Queue);
    }
}
