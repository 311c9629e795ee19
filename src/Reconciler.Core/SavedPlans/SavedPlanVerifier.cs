using System.Text.Json;
using Reconciler.Core.Live;
using Reconciler.Core.Manifests;
using Reconciler.Core.Model;
using Reconciler.Core.Planning;
using Reconciler.Core.Reconciling;
using Reconciler.Core.Rendering;

namespace Reconciler.Core.SavedPlans;

/// <summary>
/// Decides whether a saved plan may be applied. The file is untrusted input (in CI it is an artifact of a job that ran
/// pull-request code), so it grants nothing: apply re-derives the plan from the manifests the file names and live state
/// now, under the target, owner and prune of its own invocation, and executes that plan only if it equals the saved
/// actions (action, name, UUID, requests) and every mapping they touch is as the plan saw it. Three checks, each pure:
/// the file's shape (<see cref="Invalid"/>), the invocation (<see cref="Mismatched"/>) and the world (<see cref="Moved"/>).
/// </summary>
public static class SavedPlanVerifier
{
    private static readonly HashSet<string> ExistingMappingActions = new(StringComparer.Ordinal) { "update", "replace", "delete", "adopt", "noop" };

    /// <summary>What makes the file something esmctl plan cannot have written (read before anything else).</summary>
    public static IReadOnlyList<string> Invalid(SavedPlanDocument saved)
    {
        ArgumentNullException.ThrowIfNull(saved);
        var problems = new List<string>();
        // Members a positional record leaves null when the file omits them.
        if (saved.Manifests.Digest is null || saved.Manifests.Paths is null || saved.Manifests.Files is null
            || saved.Manifests.Paths.Any(p => p is null) || saved.Manifests.Files.Any(f => f is null))
            problems.Add("manifests must have digest, paths and files");
        if (saved.Options.Owner is null) problems.Add("options must have owner");
        if (saved.Actions is null)
        {
            problems.Add("actions is missing");
            return problems;
        }
        for (var i = 0; i < saved.Actions.Count; i++)
        {
            var action = saved.Actions[i];
            if (action is null)
            {
                problems.Add($"actions[{i}] is null");
                continue;
            }
            var name = string.IsNullOrEmpty(action.Name) ? $"actions[{i}]" : action.Name;
            if (string.IsNullOrEmpty(action.Name)) problems.Add($"actions[{i}] has no name");
            if (action.Action == "create")
            {
                if (action.Uuid is not null || action.Fingerprint is not null)
                    problems.Add($"{name}: a create names an existing mapping ({action.Uuid ?? action.Fingerprint?.Uuid})");
                if (action.CreateRequest is null) problems.Add($"{name}: a create without its request");
            }
            else if (action.Action is { } word && ExistingMappingActions.Contains(word))
            {
                if (string.IsNullOrEmpty(action.Uuid)) problems.Add($"{name}: {word} of an existing mapping without its UUID");
                else if (action.Fingerprint is null) problems.Add($"{name}: {word} of mapping {action.Uuid} without the fingerprint of that mapping");
                else if (!string.Equals(action.Fingerprint.Uuid, action.Uuid, StringComparison.Ordinal))
                    problems.Add($"{name}: {word} of mapping {action.Uuid} carries the fingerprint of mapping {action.Fingerprint.Uuid}");
                if (word == "delete" && !saved.Options.Prune)
                    problems.Add($"{name}: deletes mapping {action.Uuid}, but the plan was not made with --prune");
            }
            else
            {
                problems.Add($"{name}: unknown action '{action.Action}'");
            }
            if (action.Fingerprint is { } print && (print.Uuid is null || print.State is null || print.ConfigurationHash is null))
                problems.Add($"{name}: a fingerprint must have uuid, state and configurationHash");
            if (action.TagChange is { } tags && (tags.Set is null || tags.Remove is null || tags.Set.Values.Any(v => v is null) || tags.Remove.Any(k => k is null)))
                problems.Add($"{name}: a tag change with null entries");
        }
        return problems;
    }

    /// <summary>What makes a set of saved plans (one per target of esmctl.yaml) something esmctl plan cannot have written:
    /// each target's plan as <see cref="Invalid"/> reads it, a target named twice, a plan whose owner, prune or manifest
    /// paths differ from the set's.</summary>
    public static IReadOnlyList<string> Invalid(SavedPlanSetDocument set)
    {
        ArgumentNullException.ThrowIfNull(set);
        var problems = new List<string>();
        if (set.TargetsFile?.Path is null || set.TargetsFile.Digest is null) problems.Add("targetsFile must have path and digest");
        if (set.Options?.Owner is null) problems.Add("options must have owner");
        foreach (var name in set.Targets.GroupBy(t => t.Name, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key))
            problems.Add($"target {name} is planned twice");
        var paths = set.Targets.Select(t => t.Plan.Manifests?.Paths is { } p ? string.Join("\n", p) : null).Distinct().ToList();
        if (paths.Count > 1) problems.Add("the targets' plans were made from different manifest paths");
        foreach (var target in set.Targets)
        {
            problems.AddRange(Invalid(target.Plan).Select(p => $"target {target.Name}: {p}"));
            if (set.Options is { } options && target.Plan.Options is { } own && (own.Owner != options.Owner || own.Prune != options.Prune))
                problems.Add($"target {target.Name}: its plan's owner and prune differ from the set's");
        }
        return problems;
    }

    /// <summary>
    /// What the file says about where and as whom it applies that this invocation does not: the target (its kind, its
    /// location — the local state file or the Lambda endpoint —, account and region), the owner and prune. Whatever grants
    /// power comes from the invocation, never from the file.
    /// </summary>
    public static IReadOnlyList<string> Mismatched(SavedPlanDocument saved, SessionScope scope)
    {
        ArgumentNullException.ThrowIfNull(saved);
        ArgumentNullException.ThrowIfNull(scope);
        var problems = new List<string>();
        var target = scope.Target;
        if (saved.Target.Kind is null || saved.Target.Location is null)
        {
            problems.Add("the saved plan does not say which target it was made for (an older esmctl wrote it); run esmctl plan --out again");
        }
        else if (!string.Equals(saved.Target.Kind, target.Kind, StringComparison.Ordinal)
                 || !string.Equals(saved.Target.Location, target.Location, StringComparison.Ordinal))
        {
            problems.Add($"the plan was made for {saved.Target.Kind} ({saved.Target.Location}) but this apply acts on {target.Kind} ({target.Location}); " +
                "apply it with the --target, --endpoint-url and environment it was planned with");
        }
        if (TargetGuard.Expected(saved.Target.Account, saved.Target.Region, target) is { } elsewhere)
            problems.Add($"the plan was made for account {saved.Target.Account} in {saved.Target.Region} ({saved.Target.Description}): {elsewhere}");
        if (!string.Equals(saved.Options.Owner, scope.Owner, StringComparison.Ordinal))
        {
            problems.Add($"the plan was made with --owner {saved.Options.Owner} but this apply runs as --owner {scope.Owner}");
        }
        if (saved.Options.Prune != scope.Prune)
        {
            problems.Add(saved.Options.Prune
                ? "the plan was made with --prune but this apply runs without it; add --prune to apply a plan that prunes"
                : "this apply runs with --prune but the plan was made without it; drop --prune");
        }
        return problems;
    }

    /// <summary>
    /// Whether the manifests the file names may be planned from. Which manifests are read decides what is wanted — what
    /// is created, updated, adopted and, with --prune, deleted — so the file alone must not choose them: a file naming a
    /// subset of the manifests would prune the rest, one naming a folder shipped beside it (an artifact holds more than
    /// plan.json) would declare anything. The manifests the invocation names after the plan file must be the saved ones
    /// (checked here, before anything is read); if it names none, the file's paths are read (a person applying the plan
    /// they reviewed). CI names them, as the shipped workflows do, so a file from a pull request cannot choose them.
    /// </summary>
    /// <param name="savedPaths">The paths the file says the plan was made from.</param>
    /// <param name="namedPaths">The manifest paths this invocation names after the plan file (empty: none).</param>
    /// <param name="workingDirectory">What relative paths are resolved against.</param>
    public static IReadOnlyList<string> ManifestsMismatched(
        IReadOnlyList<string> savedPaths, IReadOnlyList<string> namedPaths, string workingDirectory)
    {
        ArgumentNullException.ThrowIfNull(savedPaths);
        ArgumentNullException.ThrowIfNull(namedPaths);
        if (namedPaths.Count == 0) return [];
        var saved = savedPaths.Select(p => Resolved(p, workingDirectory)).ToHashSet(StringComparer.Ordinal);
        return saved.SetEquals(namedPaths.Select(p => Resolved(p, workingDirectory)))
            ? []
            : [$"the plan was made from the manifests {string.Join(", ", savedPaths)} but this apply names {string.Join(", ", namedPaths)}; " +
               "name the manifests the plan was made from"];
    }

    /// <summary>The full path, as the loader reads it; a path no file system could hold (empty, a NUL) stays as it is, so
    /// it equals no real path.</summary>
    private static string Resolved(string path, string workingDirectory)
    {
        if (path.Length == 0 || path.Contains('\0', StringComparison.Ordinal)) return "\0" + path;
        return Path.TrimEndingDirectorySeparator(Path.GetFullPath(path, Path.GetFullPath(workingDirectory)));
    }

    /// <summary>
    /// What moved since the plan was saved, comparing it with the plan made now from the same manifests and live state
    /// read now: the manifests' digest, each saved action against the fresh one (action, name, UUID and the requests),
    /// and each mapping the plan touches against its fingerprint (LastModified, State, compared values and tags).
    /// </summary>
    public static IReadOnlyList<string> Moved(SavedPlanDocument saved, ManifestSet manifests, Plan fresh, LiveState live, PlanOptions options)
    {
        ArgumentNullException.ThrowIfNull(saved);
        ArgumentNullException.ThrowIfNull(manifests);
        ArgumentNullException.ThrowIfNull(fresh);
        ArgumentNullException.ThrowIfNull(live);
        var moved = new List<string>();
        if (!string.Equals(saved.Manifests.Digest, manifests.Digest, StringComparison.Ordinal))
            moved.Add(ManifestsMoved(saved.Manifests, manifests));

        var now = PlanOrder.Actions(fresh).Select(a => SavedPlanWriter.ToSaved(a, live, options)).ToList();
        var matched = new HashSet<SavedAction>(ReferenceEqualityComparer.Instance);
        var named = new HashSet<string>(StringComparer.Ordinal);
        foreach (var action in saved.Actions)
        {
            var before = moved.Count;
            if (action.Fingerprint is { } fingerprint) MappingMoved(action, fingerprint, live, moved);
            var counterpart = now.FirstOrDefault(a => !matched.Contains(a)
                && string.Equals(a.Name, action.Name, StringComparison.Ordinal) && string.Equals(a.Uuid, action.Uuid, StringComparison.Ordinal));
            if (counterpart is null)
            {
                var taken = action.Action == "create"
                    ? now.FirstOrDefault(a => string.Equals(a.Name, action.Name, StringComparison.Ordinal) && a.Uuid is not null)
                    : null;
                if (taken is not null)
                    moved.Add($"{action.Name}: a mapping with the same function and source appeared since the plan (UUID {taken.Uuid}); the create would conflict");
                else if (moved.Count == before)
                    moved.Add($"{action.Name}: the saved plan would {action.Action}{Of(action.Uuid)}, which the plan made now does not");
            }
            else
            {
                matched.Add(counterpart);
                if (!string.Equals(counterpart.Action, action.Action, StringComparison.Ordinal))
                    moved.Add($"{action.Name}: the saved plan would {action.Action}{Of(action.Uuid)}, the plan made now would {counterpart.Action} it");
                else if (Differs(action.CreateRequest, counterpart.CreateRequest) || Differs(action.UpdateRequest, counterpart.UpdateRequest) || Differs(action.TagChange, counterpart.TagChange))
                    moved.Add($"{action.Name}: the saved requests differ from the plan made now");
            }
            if (moved.Count > before) named.Add(action.Name);
        }
        foreach (var extra in now.Where(a => !matched.Contains(a) && a.Action != "noop" && !named.Contains(a.Name)))
            moved.Add($"{extra.Name}: the plan made now would {extra.Action}{Of(extra.Uuid)}, which the saved plan does not");
        return moved;
    }

    private static void MappingMoved(SavedAction action, SavedFingerprint fingerprint, LiveState live, List<string> moved)
    {
        var mapping = live.Mappings.FirstOrDefault(m => string.Equals(m.Uuid, fingerprint.Uuid, StringComparison.Ordinal));
        if (mapping is null)
        {
            moved.Add($"{action.Name}: mapping {fingerprint.Uuid} was deleted since the plan");
            return;
        }
        if (mapping.State == MappingStates.Deleting)
        {
            moved.Add($"{action.Name}: mapping {fingerprint.Uuid} is being deleted since the plan");
            return;
        }
        var differences = MappingFingerprint.Differences(fingerprint, MappingFingerprint.Of(mapping, live.TagsOf(mapping.Uuid)));
        if (differences.Count > 0)
            moved.Add($"{action.Name}: mapping {fingerprint.Uuid} changed since the plan ({string.Join("; ", differences)})");
    }

    private static string Of(string? uuid) => uuid is null ? "" : $" mapping {uuid}";

    private static bool Differs(System.Text.Json.Nodes.JsonObject? saved, System.Text.Json.Nodes.JsonObject? now) =>
        !System.Text.Json.Nodes.JsonNode.DeepEquals(saved, now);

    private static bool Differs(SavedTagChange? saved, SavedTagChange? now) =>
        !string.Equals(SavedPlanFile.Canonical(saved), SavedPlanFile.Canonical(now), StringComparison.Ordinal);

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
}
