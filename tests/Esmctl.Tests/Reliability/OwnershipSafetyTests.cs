using Reconciler.Core.Model;
using Reconciler.Emulator.Http;

namespace Esmctl.Tests.Reliability;

/// <summary>
/// Issue 7, safety: whatever the flags (--owner, --prune, --max-deletes), apply deletes only mappings tagged as
/// managed by the owner it runs as and absent from the manifests, only with --prune, and only when their number is
/// within --max-deletes (default 5 with --prune); otherwise it refuses and changes nothing. Mappings with no owner
/// tag, another owner, or an owner differing only in case, are never deleted or retagged.
/// </summary>
public sealed class OwnershipSafetyTests
{
    private sealed record Combination(string Owner, bool Prune, int? MaxDeletes);

    private static IEnumerable<Combination> All() =>
        from owner in new[] { "esmctl", "other-team", "nobody" }
        from prune in new[] { true, false }
        from max in new int?[] { null, 0, 2, 6, 7, 1000 }
        select new Combination(owner, prune, max);

    [Fact]
    public async Task No_flag_combination_deletes_a_mapping_the_owner_does_not_own_and_max_deletes_holds()
    {
        var all = All().ToList();
        // The short variant keeps the combinations that decide the outcome, plus a seeded sample of the rest.
        var must = new[]
        {
            new Combination("esmctl", true, null), new Combination("esmctl", true, 7),
            new Combination("other-team", true, 2), new Combination("esmctl", false, 1000),
        };
        var shuffle = new Random(ReliabilityScale.Seed);
        var chosen = must.Concat(all.Except(must).OrderBy(_ => shuffle.Next()))
            .Take(Math.Min(all.Count, ReliabilityScale.SafetyCombinations)).ToList();

        var results = new List<object>();
        foreach (var combo in chosen)
        {
            await using var rig = await ReliabilityRig.StartAsync(new FaultOptions(), TimeSpan.Zero);
            var neverOwned = await SeedAsync(rig, null, "untagged") ;
            neverOwned.AddRange(await SeedAsync(rig, new() { ["team"] = "data" }, "team-only"));
            neverOwned.AddRange(await SeedAsync(rig, new() { [ManagedTags.ManagedBy] = "Esmctl", [ManagedTags.Name] = "case" }, "case-variant"));
            neverOwned.AddRange(await SeedAsync(rig, new() { [ManagedTags.Name] = "rel-0000" }, "name-only"));
            var orphans = new Dictionary<string, List<string>>
            {
                ["esmctl"] = await SeedOrphansAsync(rig, "esmctl", 7),
                ["other-team"] = await SeedOrphansAsync(rig, "other-team", 2),
            };
            var space = new ManifestSpace(rig.Manifests, 2, ReliabilityScale.Seed);
            var before = await rig.InventoryAsync();

            List<string> args = ["apply", rig.Manifests, "--auto-approve", "--owner", combo.Owner, .. rig.CleanTarget];
            if (combo.Prune) args.Add("--prune");
            if (combo.MaxDeletes is { } max) args.AddRange(["--max-deletes", max.ToString()]);
            var run = rig.Run([.. args]);
            ReliabilityRig.AssertNoCrash(run);

            var mine = orphans.GetValueOrDefault(combo.Owner) ?? [];
            var limit = combo.MaxDeletes ?? (combo.Prune ? 5 : int.MaxValue);
            var refused = combo.Prune && mine.Count > limit;
            var expectedDeleted = combo.Prune && !refused ? mine.ToHashSet() : [];

            var after = await rig.InventoryAsync();
            var deleted = before.Uuids.Except(after.Uuids).ToHashSet();
            Assert.True(deleted.SetEquals(expectedDeleted),
                $"{combo}: deleted [{string.Join(", ", deleted)}], expected [{string.Join(", ", expectedDeleted)}]\n{run.Output}");
            foreach (var uuid in neverOwned)
            {
                Assert.Equal(before.Entries.Single(e => e.Uuid == uuid).Tags.OrderBy(t => t.Key),
                    after.Entries.Single(e => e.Uuid == uuid).Tags.OrderBy(t => t.Key));
            }
            if (refused)
            {
                Assert.True(run.ExitCode == 1, $"{combo}: {run.Output}");
                Assert.Contains("--max-deletes", run.Stderr);
                Assert.Equal(before.Uuids.Order(), after.Uuids.Order()); // refused before any change: nothing created either
            }
            else
            {
                Assert.True(run.ExitCode == 0, $"{combo}: {run.Output}");
                after.AssertMatches(space.Desired, combo.Owner, mine.Except(expectedDeleted).ToHashSet());
            }
            after.AssertNoDuplicates();
            results.Add(new { combo.Owner, combo.Prune, combo.MaxDeletes, refused, deleted = deleted.Count });
        }
        ReliabilityFigures.Record("ownership", new { combinations = results.Count, results });
    }

    private static async Task<List<string>> SeedAsync(ReliabilityRig rig, Dictionary<string, string>? tags, string queue)
    {
        var live = await rig.ControlPlane.CreateAsync(new MappingConfiguration
        {
            FunctionName = "rel-fn-0",
            EventSourceArn = $"arn:aws:sqs:us-east-1:123456789012:safety-{queue}",
            Tags = tags,
        }, CancellationToken.None);
        return [live.Uuid];
    }

    private static async Task<List<string>> SeedOrphansAsync(ReliabilityRig rig, string owner, int count)
    {
        var uuids = new List<string>();
        for (var i = 0; i < count; i++)
        {
            uuids.AddRange(await SeedAsync(rig, new() { [ManagedTags.ManagedBy] = owner, [ManagedTags.Name] = $"orphan-{owner}-{i}" }, $"orphan-{owner}-{i}"));
        }
        return uuids;
    }
}
