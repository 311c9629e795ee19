using FsCheck;
using FsCheck.Fluent;
using Reconciler.Core.Applying;
using Reconciler.Core.Diagnostics;
using Reconciler.Core.Live;
using Reconciler.Core.Manifests;
using Reconciler.Core.Model;
using Reconciler.Core.Planning;
using Reconciler.Core.Safety;
using Reconciler.Emulator.ControlPlane;
using Reconciler.Testing;

namespace Reconciler.Core.Tests.Convergence;

/// <summary>
/// The reconciler's central promise, as a property: for random valid manifests and random live states, applying
/// the plan and planning again yields only no-ops, with no failure, no duplicate and nothing deleted that this
/// owner does not own. The engine (reader, planner, applier) runs against the emulated control plane.
/// </summary>
public sealed class ConvergenceProperties
{
    private const string Owner = "esmctl";
    private const string OtherOwner = "team-b";

    /// <summary>What exists before the first plan, for one manifest.</summary>
    internal enum LiveSituation
    {
        Nothing,
        /// <summary>Ours, with any other configuration of the same source (create-only fields may differ).</summary>
        OwnedAndDrifted,
        /// <summary>Created out of band with the manifest's natural key and other updatable settings: to adopt.</summary>
        UntaggedSameKey,
        /// <summary>Another esmctl instance owns the manifest's natural key: left alone, never duplicated.</summary>
        OwnedByAnother,
    }

    internal sealed record MappingCase(int Index, string Kind, MappingConfiguration Desired, LiveSituation Situation, MappingConfiguration Other);

    internal sealed record Scenario(IReadOnlyList<MappingCase> Cases, int Orphans, int Strangers, bool Prune)
    {
        public override string ToString() =>
            $"prune={Prune} orphans={Orphans} strangers={Strangers}\n" +
            string.Join("\n", Cases.Select(c => $"  m{c.Index} {c.Kind} {c.Situation} fn={c.Desired.FunctionName} other-fn={c.Other.FunctionName}"));
    }

    private static Gen<MappingCase> CaseGen(int index) =>
        from kind in Gen.Elements(MappingGenerators.Kinds)
        from desired in MappingGenerators.Spec(kind, index)
        from other in MappingGenerators.Spec(kind, index)
        from situation in Gen.Elements(Enum.GetValues<LiveSituation>())
        select new MappingCase(index, kind, desired, situation, other);

    private static Gen<IReadOnlyList<MappingCase>> CasesGen(int count) =>
        Enumerable.Range(0, count).Aggregate(
            Gen.Constant<IReadOnlyList<MappingCase>>([]),
            (cases, index) => from list in cases from next in CaseGen(index) select (IReadOnlyList<MappingCase>)[.. list, next]);

    private static readonly Gen<Scenario> Scenarios =
        from count in Gen.Choose(1, 6)
        from cases in CasesGen(count)
        from orphans in Gen.Choose(0, 2)
        from strangers in Gen.Choose(0, 2)
        from prune in Gen.Elements(false, true)
        select new Scenario([.. cases], orphans, strangers, prune);

    [Fact]
    public void Generated_mappings_are_requests_AWS_accepts()
    {
        // "Random but valid" must hold for the property below to mean anything: every generated spec passes the
        // offline check of a create request.
        var property = Prop.ForAll(Arb.From(from kind in Gen.Elements(MappingGenerators.Kinds) from spec in MappingGenerators.Spec(kind, 0) select spec),
            spec => Reconciler.Core.Validation.CreateRequestCheck.Check(spec, TimeProvider.System) is { Count: 0 });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(300), property);
    }

    [Fact]
    public void Applying_a_plan_then_planning_again_yields_only_noops()
    {
        var property = Prop.ForAll(Arb.From(Scenarios), scenario => Converges(scenario).GetAwaiter().GetResult());
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(60), property);
    }

    private static async Task<bool> Converges(Scenario scenario)
    {
        var time = new ManualTimeProvider { AutoAdvance = true };
        var api = new EmulatedControlPlane(new ControlPlaneOptions(), time, UuidSources.Seeded(7));
        var options = new PlanOptions { Owner = Owner, Prune = scenario.Prune };
        var desired = scenario.Cases.Select(c => new DesiredMapping
        {
            Name = $"m{c.Index}",
            Spec = c.Desired,
            Location = new SourceLocation($"m{c.Index}.yaml", 1, 1),
        }).ToList();

        var foreign = await Seed(api, scenario);
        var ct = CancellationToken.None;

        var live = await new LiveStateReader(api).ReadAsync(ct);
        var plan = Planner.Plan(desired, live, options);
        var applier = new PlanApplier(api, time, new ApplyOptions { Jitter = () => 0.5 }, new WritePolicy(options, maxDeletes: null));
        var report = await applier.ApplyAsync(plan, live, ApplyInterrupt.AbortOn(ct));
        Assert.False(report.HasFailures, "apply failed:\n" + string.Join("\n", report.Outcomes.Where(o => o.Result != ApplyResult.Succeeded)
            .Select(o => $"{o.Name} {o.Kind}: {o.Error}")) + "\n" + scenario);

        var after = await new LiveStateReader(api).ReadAsync(ct);
        var replan = Planner.Plan(desired, after, options);
        var notNoop = replan.Actions.Where(a => a.Kind != PlanActionKind.Noop).ToList();
        Assert.True(notNoop.Count == 0, "second plan is not empty:\n" + string.Join("\n", notNoop.Select(a =>
            $"{a.Name} {a.Kind}: {string.Join(", ", a.Changes.Select(c => $"{c.Field} {c.Before?.ToJsonString()} -> {c.After?.ToJsonString()}"))}")) + "\n" + scenario);

        // Nothing this owner does not own was deleted: every foreign mapping still exists.
        var remaining = after.Mappings.Select(m => m.Uuid).ToHashSet();
        Assert.All(foreign, uuid => Assert.Contains(uuid, remaining));
        // Every manifest has exactly one mapping, and with prune no owned orphan survives.
        Assert.Equal(desired.Count, replan.Actions.Count);
        if (scenario.Prune) Assert.Empty(replan.Orphans);
        return true;
    }

    /// <summary>Creates the live state the scenario describes; returns the UUIDs this owner must never delete.</summary>
    private static async Task<List<string>> Seed(EmulatedControlPlane api, Scenario scenario)
    {
        var ct = CancellationToken.None;
        var foreign = new List<string>();
        foreach (var c in scenario.Cases)
        {
            switch (c.Situation)
            {
                case LiveSituation.OwnedAndDrifted:
                    await api.CreateAsync(c.Other with { Tags = OwnedBy(Owner, $"m{c.Index}") }, ct);
                    break;
                case LiveSituation.UntaggedSameKey:
                    foreign.Add((await api.CreateAsync(
                        MappingGenerators.WithCreateOnlyOf(c.Other, c.Desired) with { FunctionName = c.Desired.FunctionName, Tags = null }, ct)).Uuid);
                    break;
                case LiveSituation.OwnedByAnother:
                    foreign.Add((await api.CreateAsync(c.Desired with { Tags = OwnedBy(OtherOwner, $"m{c.Index}") }, ct)).Uuid);
                    break;
            }
        }
        for (var i = 0; i < scenario.Orphans; i++)
            await api.CreateAsync(Sqs(100 + i) with { Tags = OwnedBy(Owner, $"gone-{i}") }, ct);
        for (var i = 0; i < scenario.Strangers; i++)
            foreign.Add((await api.CreateAsync(Sqs(200 + i), ct)).Uuid);
        return foreign;
    }

    private static MappingConfiguration Sqs(int index) => new()
    {
        FunctionName = "fn-a",
        EventSourceArn = $"arn:aws:sqs:us-east-1:123456789012:queue-{index}",
    };

    private static Dictionary<string, string> OwnedBy(string owner, string name) =>
        new() { [ManagedTags.ManagedBy] = owner, [ManagedTags.Name] = name };
}
