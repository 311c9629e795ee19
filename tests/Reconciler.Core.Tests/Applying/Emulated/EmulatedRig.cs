using System.Text.Json;
using Reconciler.Core.Api;
using Reconciler.Core.Applying;
using Reconciler.Core.Diagnostics;
using Reconciler.Core.Live;
using Reconciler.Core.Manifests;
using Reconciler.Core.Model;
using Reconciler.Core.Planning;
using Reconciler.Core.Safety;
using Reconciler.Emulator.ControlPlane;
using Reconciler.Testing;

namespace Reconciler.Core.Tests.Applying.Emulated;

/// <summary>
/// The engine against the in-process emulated control plane (the one faithful fake of the Lambda API), on a clock that
/// never sleeps: read live state, plan, apply, and look at what the control plane holds and was asked.
/// </summary>
internal sealed class EmulatedRig
{
    public const string Owner = ManagedTags.DefaultOwner;

    /// <param name="front">Wraps the control plane for the engine (given the clock), e.g. in a <see cref="LossyApi"/>.</param>
    public EmulatedRig(TimeSpan? dwell = null, Func<ILambdaMappingApi, TimeProvider, ILambdaMappingApi>? front = null)
    {
        ControlPlane = new EmulatedControlPlane(
            new ControlPlaneOptions { TransitionDwell = dwell ?? TimeSpan.Zero }, Time, UuidSources.Seeded(11));
        Api = front is null ? ControlPlane : front(ControlPlane, Time);
    }

    public ManualTimeProvider Time { get; } = new() { AutoAdvance = true };

    public EmulatedControlPlane ControlPlane { get; }

    /// <summary>What the engine talks to: the control plane, or a front that misbehaves in chosen ways.</summary>
    public ILambdaMappingApi Api { get; }

    public RecordingProgress Progress { get; } = new();

    public ApplyOptions Options { get; set; } = new() { Jitter = () => 0.0 };

    public static DesiredMapping Sqs(string name, string function = "fn", string queue = "orders", int batchSize = 5) => Desired(name, new MappingConfiguration
    {
        FunctionName = function,
        EventSourceArn = $"arn:aws:sqs:us-east-1:123456789012:{queue}",
        BatchSize = batchSize,
    });

    public static DesiredMapping Kinesis(string name, string stream, string position = "LATEST", string function = "fn") => Desired(name, new MappingConfiguration
    {
        FunctionName = function,
        EventSourceArn = $"arn:aws:kinesis:us-east-1:123456789012:stream/{stream}",
        StartingPosition = position,
        BatchSize = 100,
    });

    public static DesiredMapping Desired(string name, MappingConfiguration spec) =>
        new() { Name = name, Spec = spec, Location = new SourceLocation($"{name}.yaml", 1, 1) };

    /// <summary>Creates a mapping out of band (another team, the console), with the given tags.</summary>
    public async Task<LiveMapping> SeedAsync(MappingConfiguration spec, IReadOnlyDictionary<string, string>? tags = null) =>
        await ControlPlane.CreateAsync(spec with { Tags = tags }, CancellationToken.None);

    /// <summary>Creates what <paramref name="desired"/> declares, owned by <paramref name="owner"/>, as a past apply would have.</summary>
    public Task<LiveMapping> SeedOwnedAsync(DesiredMapping desired, string owner = Owner) =>
        SeedAsync(desired.Spec, Ownership.DesiredTags(desired.Name, desired.Spec.Tags, owner));

    public async Task RetagAsync(string uuid, IReadOnlyDictionary<string, string> tags)
    {
        var live = await ControlPlane.GetAsync(uuid, CancellationToken.None);
        var now = await ControlPlane.ListTagsAsync(live.EventSourceMappingArn, CancellationToken.None);
        if (now.Count > 0) await ControlPlane.UntagAsync(live.EventSourceMappingArn, [.. now.Keys], CancellationToken.None);
        if (tags.Count > 0) await ControlPlane.TagAsync(live.EventSourceMappingArn, tags, CancellationToken.None);
    }

    public Task<LiveState> ReadAsync(IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>? knownTags = null) =>
        new LiveStateReader(Api, time: Time).ReadAsync(knownTags, CancellationToken.None);

    public static PlanOptions Planning(bool prune = false, string owner = Owner) => new() { Owner = owner, Prune = prune };

    public async Task<(Plan Plan, LiveState Live)> PlanAsync(IReadOnlyList<DesiredMapping> desired, bool prune = false,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>? knownTags = null)
    {
        var live = await ReadAsync(knownTags);
        return (Planner.Plan(desired, live, Planning(prune)), live);
    }

    public Task<ApplyReport> ApplyAsync(Plan plan, LiveState live, bool prune = false, int? maxDeletes = null, ApplyInterrupt interrupt = default) =>
        new PlanApplier(Api, Time, Options, new WritePolicy(Planning(prune), maxDeletes), Progress).ApplyAsync(plan, live, interrupt);

    /// <summary>Everything the service shows of a mapping (Get) and its tags, as text: equal means untouched.</summary>
    public async Task<string> SnapshotAsync(string uuid)
    {
        var live = await ControlPlane.GetAsync(uuid, CancellationToken.None);
        var tags = await ControlPlane.ListTagsAsync(live.EventSourceMappingArn, CancellationToken.None);
        return JsonSerializer.Serialize(live) + JsonSerializer.Serialize(tags.OrderBy(t => t.Key, StringComparer.Ordinal));
    }

    /// <summary>The mutating requests the control plane answered (successful or not), in order.</summary>
    public IReadOnlyList<RequestRecord> Writes() => [.. ControlPlane.RequestLog.Where(r => r.Mutating)];

    public static IReadOnlyDictionary<string, string> Tags(string? owner, string? name = null, params (string Key, string Value)[] more)
    {
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        if (owner is not null) tags[ManagedTags.ManagedBy] = owner;
        if (name is not null) tags[ManagedTags.Name] = name;
        foreach (var (key, value) in more) tags[key] = value;
        return tags;
    }
}
