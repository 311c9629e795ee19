using System.Text.Json.Nodes;
using Reconciler.Core.Live;
using Reconciler.Core.Manifests;
using Reconciler.Core.Model;
using Reconciler.Core.Normalization;

namespace Reconciler.Core.Planning;

/// <summary>
/// The plan, as a pure function of the manifests, the live state and the options: pair, then diff each pair.
/// <list type="bullet">
/// <item>A manifest whose natural-key mapping another esmctl instance owns gets a Noop with a warning: nothing is
/// done to that mapping and no duplicate is created (AWS would refuse it anyway).</item>
/// <item>An untagged mapping with a manifest's natural key is adopted: tagged and updated, never recreated; a
/// create-only difference on it is a warning (the next plan, once it is ours, shows the replace).</item>
/// <item>Owned mappings no manifest declares are orphans, or Delete actions with Prune. A mapping this owner does not
/// own is never deleted.</item>
/// </list>
/// </summary>
public static class Planner
{
    public static Plan Plan(IReadOnlyList<DesiredMapping> desired, LiveState live, PlanOptions options)
    {
        var pairing = Pairing.Of(desired, live, options);
        // By natural key, so each create finds the deletions it waits for without scanning them all.
        var deleting = live.Mappings.Where(m => m.State == MappingStates.Deleting).ToLookup(NaturalKey.OfLive);

        // Each manifest's function ARN once: the diff and the set of functions below both need it.
        var actions = new List<PlannedAction>(pairing.Pairs.Count);
        foreach (var pair in pairing.Pairs)
        {
            actions.Add(pair.Live is null
                ? PlanCreate(pair.Desired, pair.Key.FunctionArn, deleting, options)
                : PlanAgainst(pair.Desired, pair.Key.FunctionArn, pair.Live, live.TagsOf(pair.Live.Uuid), options));
        }

        var conflicts = pairing.Pairs
            .Where(pair => pair.Live is not null && Ownership.OwnerOf(live.TagsOf(pair.Live.Uuid)) is { } owner && owner != options.Owner)
            .Select(pair => Summary(pair.Live!, live.TagsOf(pair.Live!.Uuid)) with { Name = pair.Desired.Name })
            .OrderBy(c => c.Name, StringComparer.Ordinal)
            .ToList();
        var orphans = new List<LiveMappingSummary>();
        var unmanaged = new List<LiveMappingSummary>();
        // The functions and sources of the manifests, asked only about a live mapping that pairs with none and is not ours.
        HashSet<string>? functions = null, sources = null;

        foreach (var mapping in pairing.UnpairedLive)
        {
            var tags = live.TagsOf(mapping.Uuid);
            if (Ownership.IsOwnedBy(tags, options.Owner))
            {
                if (options.Prune)
                    actions.Add(new PlannedAction
                    {
                        Name = Ownership.NameOf(tags) ?? mapping.Uuid,
                        Kind = PlanActionKind.Delete,
                        Uuid = mapping.Uuid,
                        Live = mapping,
                    });
                else
                    orphans.Add(Summary(mapping, tags));
            }
            else if ((functions ??= pairing.Pairs.Select(p => FunctionArns.Unqualified(p.Key.FunctionArn)).ToHashSet(StringComparer.Ordinal))
                         .Contains(FunctionArns.Unqualified(mapping.FunctionArn))
                     || (sources ??= pairing.Pairs.Select(p => p.Key.Source).ToHashSet(StringComparer.Ordinal))
                         .Contains(NaturalKey.SourceOf(mapping.Configuration)))
            {
                unmanaged.Add(Summary(mapping, tags));
            }
        }

        return new Plan(
            [.. actions.OrderBy(a => a.Name, StringComparer.Ordinal).ThenBy(a => a.Uuid, StringComparer.Ordinal)],
            [.. orphans.OrderBy(o => o.Uuid, StringComparer.Ordinal)],
            [.. unmanaged.OrderBy(u => u.Uuid, StringComparer.Ordinal)])
        {
            Conflicts = conflicts,
        };
    }

    /// <summary>The action for one manifest and the live mapping that is its mapping (also used after a create conflict).</summary>
    public static PlannedAction PlanAgainst(
        DesiredMapping desired, LiveMapping live, IReadOnlyDictionary<string, string> liveTags, PlanOptions options) =>
        PlanAgainst(desired, NaturalKey.FunctionArnOf(desired.Spec, desired.Account, desired.Region, options), live, liveTags, options);

    /// <param name="functionArn">The manifest's function as an ARN (<see cref="NaturalKey.FunctionArnOf"/>).</param>
    private static PlannedAction PlanAgainst(
        DesiredMapping desired, string functionArn, LiveMapping live, IReadOnlyDictionary<string, string> liveTags, PlanOptions options)
    {
        var owner = Ownership.OwnerOf(liveTags);
        if (owner is not null && owner != options.Owner)
        {
            return new PlannedAction
            {
                Name = desired.Name,
                Kind = PlanActionKind.Noop,
                Uuid = live.Uuid,
                Desired = desired,
                Live = live,
                Warnings =
                [
                    $"mapping {live.Uuid} with this function and source is managed by another esmctl instance ('{owner}', tag {ManagedTags.ManagedBy}); it is left alone and no duplicate is created",
                ],
            };
        }

        var (fields, warnings) = FieldDiff.Compare(desired.Spec, functionArn, live, options.Fields);
        // Nothing to do (nearly every pair of every daemon tick): decided without building the tag sets, and built once,
        // not copied from the template below.
        if (owner is not null && fields.Count == 0 && TagDiff.Unchanged(desired.Name, desired.Spec.Tags, options.Owner, liveTags))
            return new PlannedAction { Name = desired.Name, Kind = PlanActionKind.Noop, Uuid = live.Uuid, Desired = desired, Live = live, Warnings = warnings };
        var desiredTags = Ownership.DesiredTags(desired.Name, desired.Spec.Tags, options.Owner);
        var (tagChange, tagFields) = TagDiff.Compare(desiredTags, liveTags);
        var action = new PlannedAction { Name = desired.Name, Kind = PlanActionKind.Noop, Uuid = live.Uuid, Desired = desired, Live = live };

        if (owner is null)
        {
            // Adopt: tag and update, never recreate a mapping esmctl did not create.
            var forcing = fields.Where(f => f.ForcesReplacement).ToList();
            var updatable = fields.Where(f => !f.ForcesReplacement).ToList();
            return action with
            {
                Kind = PlanActionKind.Adopt,
                Changes = [.. updatable.Concat(tagFields).OrderBy(f => f.Field, StringComparer.Ordinal)],
                Warnings =
                [
                    .. warnings,
                    .. forcing.Select(f => $"{f.Field}: the mapping has {Show(f.Before)}, the manifest {Show(f.After)}; this create-only field needs a replace, which esmctl does not do to a mapping it is adopting (the next plan shows it)"),
                ],
                UpdateRequest = UpdateRequestBuilder.Build(desired.Spec, updatable.Select(f => CanonicalFields.MemberOf(f.Field)), options.Fields),
                TagChange = tagChange,
            };
        }

        if (fields.Any(f => f.ForcesReplacement))
        {
            return action with
            {
                Kind = PlanActionKind.Replace,
                Changes = [.. fields.Concat(tagFields).OrderBy(f => f.Field, StringComparer.Ordinal)],
                Warnings = ReplacementWarnings.For(desired.Spec, live, options.Fields),
                CreateRequest = DestinationTargets.ForCreate(desired.Spec with { Tags = desiredTags }),
            };
        }

        if (fields.Count == 0 && tagChange.IsEmpty) return action with { Warnings = warnings };

        var virtualHostKept = fields.Any(f => f.Field == "sourceAccessConfigurations")
            && desired.Spec.SourceAccessConfigurations?.Any(s => s.Type == "VIRTUAL_HOST") == true;
        return action with
        {
            Kind = PlanActionKind.Update,
            Changes = [.. fields.Concat(tagFields).OrderBy(f => f.Field, StringComparer.Ordinal)],
            Warnings = virtualHostKept
                ? [.. warnings, "sourceAccessConfigurations: Update may not carry the VIRTUAL_HOST entry, so it is sent without it (the virtual host itself is unchanged)"]
                : warnings,
            UpdateRequest = UpdateRequestBuilder.Build(desired.Spec, fields.Select(f => CanonicalFields.MemberOf(f.Field)), options.Fields),
            TagChange = tagChange.IsEmpty ? null : tagChange,
        };
    }

    private static PlannedAction PlanCreate(DesiredMapping desired, string functionArn, ILookup<NaturalKey, LiveMapping> deleting, PlanOptions options)
    {
        var key = NaturalKey.Of(functionArn, desired.Spec);
        var tags = Ownership.DesiredTags(desired.Name, desired.Spec.Tags, options.Owner);
        var changes = CanonicalFields.Of(desired.Spec, functionArn, options.Fields)
            .Select(f => new FieldChange(f.Key, null, f.Value.DeepClone(), false))
            .Concat(tags.Select(t => new FieldChange($"tags.{t.Key}", null, JsonValue.Create(t.Value), false)))
            .OrderBy(f => f.Field, StringComparer.Ordinal)
            .ToList();
        var warnings = deleting[key]
            .Select(m => $"mapping {m.Uuid} with this function and source is still being deleted; the create waits until it is gone")
            .ToList();
        return new PlannedAction
        {
            Name = desired.Name,
            Kind = PlanActionKind.Create,
            Desired = desired,
            Changes = changes,
            Warnings = warnings,
            CreateRequest = DestinationTargets.ForCreate(desired.Spec with { Tags = tags }),
        };
    }

    private static LiveMappingSummary Summary(LiveMapping mapping, IReadOnlyDictionary<string, string> tags) =>
        new(mapping.Uuid, mapping.FunctionArn, mapping.Configuration.EventSourceArn, mapping.State,
            Ownership.NameOf(tags), Ownership.OwnerOf(tags));

    private static string Show(JsonNode? value) => value is null ? "nothing" : value.ToJsonString();
}
