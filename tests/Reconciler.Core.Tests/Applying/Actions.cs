using Reconciler.Core.Diagnostics;
using Reconciler.Core.Manifests;
using Reconciler.Core.Model;
using Reconciler.Core.Planning;

namespace Reconciler.Core.Tests.Applying;

/// <summary>Planned actions as the planner would build them, for the applier's tests.</summary>
internal static class Actions
{
    public const string Queue = "arn:aws:sqs:us-east-1:123456789012:orders";

    public static DesiredMapping Desired(string name, string function, string source = Queue, IReadOnlyList<string>? topics = null) => new()
    {
        Name = name,
        Spec = new MappingConfiguration { FunctionName = function, EventSourceArn = source, BatchSize = 5, Topics = topics },
        Location = new SourceLocation($"{name}.yaml", 1, 1),
    };

    public static IReadOnlyDictionary<string, string> Owned(string name, string owner = ManagedTags.DefaultOwner) =>
        new Dictionary<string, string> { [ManagedTags.ManagedBy] = owner, [ManagedTags.Name] = name };

    public static PlannedAction Create(string name, string function, string source = Queue, IReadOnlyList<string>? topics = null)
    {
        var desired = Desired(name, function, source, topics);
        return new PlannedAction
        {
            Name = name,
            Kind = PlanActionKind.Create,
            Desired = desired,
            CreateRequest = desired.Spec with { Tags = Owned(name) },
        };
    }

    public static PlannedAction Update(string name, LiveMapping live, MappingConfiguration? update, TagChange? tags = null) => new()
    {
        Name = name,
        Kind = PlanActionKind.Update,
        Uuid = live.Uuid,
        Live = live,
        UpdateRequest = update,
        TagChange = tags,
    };

    /// <summary>An adoption of <paramref name="live"/> by a manifest with its function and source.</summary>
    public static PlannedAction Adopt(string name, LiveMapping live, MappingConfiguration? update) => new()
    {
        Name = name,
        Kind = PlanActionKind.Adopt,
        Uuid = live.Uuid,
        Live = live,
        Desired = Desired(name, live.FunctionArn, live.Configuration.EventSourceArn!, live.Configuration.Topics),
        UpdateRequest = update,
        TagChange = new TagChange(Owned(name), []),
    };

    public static PlannedAction Replace(string name, LiveMapping live, string function, string newSource)
    {
        var desired = Desired(name, function, newSource);
        return new PlannedAction
        {
            Name = name,
            Kind = PlanActionKind.Replace,
            Uuid = live.Uuid,
            Live = live,
            Desired = desired,
            CreateRequest = desired.Spec with { Tags = Owned(name) },
        };
    }

    public static PlannedAction Delete(string name, LiveMapping live) => new()
    {
        Name = name,
        Kind = PlanActionKind.Delete,
        Uuid = live.Uuid,
        Live = live,
    };

    public static PlannedAction Noop(string name, LiveMapping live) => new()
    {
        Name = name,
        Kind = PlanActionKind.Noop,
        Uuid = live.Uuid,
        Live = live,
    };

    public static Plan Plan(params PlannedAction[] actions) => new(actions, [], []);
}
