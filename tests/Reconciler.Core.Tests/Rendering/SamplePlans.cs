using System.Text.Json.Nodes;
using Reconciler.Core.Diagnostics;
using Reconciler.Core.Manifests;
using Reconciler.Core.Model;
using Reconciler.Core.Planning;

namespace Reconciler.Core.Tests.Rendering;

/// <summary>Hand-built plans the renderer tests share: every action kind, warnings, orphans, unmanaged, empty.</summary>
internal static class SamplePlans
{
    private const string Account = "123456789012";
    private const string Fn = $"arn:aws:lambda:us-east-1:{Account}:function:";

    public static IReadOnlyDictionary<string, Plan> All { get; } = new Dictionary<string, Plan>
    {
        ["every-action"] = EveryAction(),
        ["empty"] = new Plan([], [], []),
        ["no-changes"] = NoChanges(),
        ["adopt-only"] = AdoptOnly(),
        ["awkward-values"] = AwkwardValues(),
        ["conflict-only"] = ConflictOnly(),
    };

    /// <summary>Where the scoped renderings act: the local target as the quickstart opens it.</summary>
    public static Reconciler.Core.Reconciling.SessionScope Scope { get; } = new(
        new Reconciler.Core.Reconciling.TargetIdentity("local", ".esmctl/local-state.json", Account, "us-east-1", "aws"), "esmctl", Prune: false);

    /// <summary>Nothing to apply, yet live state does not match: a manifest's mapping is another owner's.</summary>
    private static Plan ConflictOnly() => new(
        [
            new PlannedAction
            {
                Name = "orders-to-processor",
                Kind = PlanActionKind.Noop,
                Uuid = "e0000000-0000-4000-8000-00000000000e",
                Warnings = ["mapping e0000000-0000-4000-8000-00000000000e with this function and source is managed by another esmctl instance ('team-a', tag esmctl:managed-by); it is left alone and no duplicate is created"],
            },
        ],
        [],
        [])
    {
        Conflicts =
        [
            new LiveMappingSummary("e0000000-0000-4000-8000-00000000000e", Fn + "order-processor",
                $"arn:aws:sqs:us-east-1:{Account}:orders", "Enabled", "orders-to-processor", "team-a"),
        ],
    };

    public static TheoryData<string> Names() => new(All.Keys);

    public static FieldChange Change(string field, JsonNode? before, JsonNode? after, bool forces = false) =>
        new(field, before, after, forces);

    public static Plan EveryAction() => new(
        [
            // Deliberately not in name order: renderers must sort.
            new PlannedAction
            {
                Name = "orders-to-processor",
                Kind = PlanActionKind.Create,
                Changes =
                [
                    Change("functionName", null, Fn + "order-processor"),
                    Change("eventSourceArn", null, $"arn:aws:sqs:us-east-1:{Account}:orders"),
                    Change("batchSize", null, 10),
                    Change("enabled", null, true),
                    Change("functionResponseTypes", null, new JsonArray("ReportBatchItemFailures")),
                    Change("tags.team", null, "orders"),
                ],
            },
            new PlannedAction
            {
                Name = "billing-stream",
                Kind = PlanActionKind.Update,
                Uuid = "2b7e2c51-0d1c-4c37-9d8e-3f0a1b2c3d4e",
                Changes =
                [
                    Change("batchSize", 10, 50),
                    Change("filterCriteria", null, JsonNode.Parse("""{"filters":[{"pattern":"{\"type\":[\"invoice\"]}"}]}""")),
                    Change("kmsKeyArn", $"arn:aws:kms:us-east-1:{Account}:key/1111", null),
                    Change("scalingConfig.maximumConcurrency", 5, 20),
                    Change("tags.team", "billing", "finance"),
                ],
                Warnings = ["provisionedPollerConfig cannot be removed through the API; the live value stays until the mapping is replaced."],
            },
            new PlannedAction
            {
                Name = "payments-stream",
                Kind = PlanActionKind.Replace,
                Uuid = "9c1d7a40-5e6f-4a8b-b9c0-d1e2f3a4b5c6",
                Changes =
                [
                    Change("eventSourceArn", $"arn:aws:kinesis:us-east-1:{Account}:stream/payments",
                        $"arn:aws:kinesis:us-east-1:{Account}:stream/payments-v2", forces: true),
                    Change("startingPosition", "TRIM_HORIZON", "LATEST", forces: true),
                    Change("batchSize", 100, 200),
                ],
                Warnings =
                [
                    "The new mapping starts at LATEST: records written to the stream while no mapping exists are skipped.",
                ],
            },
            new PlannedAction
            {
                Name = "legacy-queue",
                Kind = PlanActionKind.Delete,
                Uuid = "5f0e1d2c-3b4a-4958-8776-655443322110",
                Live = Live("5f0e1d2c-3b4a-4958-8776-655443322110", "legacy-worker", $"arn:aws:sqs:us-east-1:{Account}:legacy"),
                Warnings = ["Messages in flight when the mapping is deleted return to the queue after their visibility timeout."],
            },
            new PlannedAction
            {
                Name = "inventory-events",
                Kind = PlanActionKind.Adopt,
                Uuid = "0a1b2c3d-4e5f-4061-8273-94a5b6c7d8e9",
                Changes =
                [
                    Change("maximumBatchingWindowInSeconds", 0, 5),
                    Change("tags.esmctl:managed-by", null, "esmctl"),
                    Change("tags.esmctl:name", null, "inventory-events"),
                ],
            },
            Noop("audit-log", "6e5d4c3b-2a19-4087-9654-3210fedcba98"),
            Noop("metrics-sink", "7f6e5d4c-3b2a-4198-a765-43210fedcba9"),
        ],
        [
            new LiveMappingSummary("aa11bb22-cc33-4d44-8e55-ff6677889900", Fn + "orders-v1",
                $"arn:aws:sqs:us-east-1:{Account}:orders-v1", "Enabled", "orders-v1", "esmctl"),
        ],
        [
            new LiveMappingSummary("bb22cc33-dd44-4e55-9f66-001122334455", Fn + "order-processor",
                $"arn:aws:sqs:us-east-1:{Account}:orders-dlq", "Disabled", null, null),
            new LiveMappingSummary("cc33dd44-ee55-4f66-a077-112233445566", Fn + "order-processor",
                $"arn:aws:sqs:us-east-1:{Account}:orders-replay", "Enabled", "replayer", "team-b"),
        ]);

    private static Plan NoChanges() => new(
        [Noop("audit-log", "6e5d4c3b-2a19-4087-9654-3210fedcba98"), Noop("metrics-sink", "7f6e5d4c-3b2a-4198-a765-43210fedcba9")],
        [new LiveMappingSummary("aa11bb22-cc33-4d44-8e55-ff6677889900", Fn + "orders-v1", null, "Disabled", "orders-v1", "esmctl")],
        [new LiveMappingSummary("bb22cc33-dd44-4e55-9f66-001122334455", Fn + "audit", $"arn:aws:sqs:us-east-1:{Account}:audit-copy", "Enabled", null, null)]);

    private static Plan AdoptOnly() => new(
        [
            new PlannedAction { Name = "brownfield-b", Kind = PlanActionKind.Adopt, Uuid = "b0000000-0000-4000-8000-000000000002" },
            new PlannedAction { Name = "brownfield-a", Kind = PlanActionKind.Adopt, Uuid = "a0000000-0000-4000-8000-000000000001" },
        ],
        [],
        []);

    /// <summary>Values and names that break naive Markdown or text: backticks, pipes, HTML, line breaks, non-ASCII.</summary>
    private static Plan AwkwardValues() => new(
        [
            new PlannedAction
            {
                Name = "weird|name_*x*",
                Kind = PlanActionKind.Update,
                Uuid = "d0000000-0000-4000-8000-00000000000d",
                Changes =
                [
                    Change("filterCriteria", JsonNode.Parse("""{"filters":[{"pattern":"{\"note\":[\"```\"]}"}]}"""),
                        JsonNode.Parse("""{"filters":[{"pattern":"{\"note\":[\"</details> | <b>é\"]}"}]}""")),
                    Change("functionResponseTypes", new JsonArray(), new JsonArray("ReportBatchItemFailures")),
                    Change("bisectBatchOnFunctionError", false, true),
                    Change("maximumRecordAgeInSeconds", -1, 3600),
                    Change("tags.note", "say \"hi\"", "a+b=c & d"),
                    Change("destinationConfig", JsonNode.Parse("""{"onFailure":{"destination":null}}"""), new JsonObject()),
                ],
                Warnings = ["Line one\nline two with `code` and <html> and $math$."],
            },
        ],
        [],
        []);

    private static PlannedAction Noop(string name, string uuid) => new() { Name = name, Kind = PlanActionKind.Noop, Uuid = uuid };

    private static LiveMapping Live(string uuid, string function, string source) => new()
    {
        Uuid = uuid,
        EventSourceMappingArn = $"arn:aws:lambda:us-east-1:{Account}:event-source-mapping:{uuid}",
        FunctionArn = Fn + function,
        State = MappingStates.Enabled,
        Configuration = new MappingConfiguration { FunctionName = Fn + function, EventSourceArn = source, Enabled = true },
    };

    /// <summary>A large plan for truncation tests: every kind in turn, replacements and deletions with warnings.</summary>
    public static Plan Large(int count)
    {
        PlanActionKind[] kinds =
            [PlanActionKind.Create, PlanActionKind.Update, PlanActionKind.Replace, PlanActionKind.Delete, PlanActionKind.Adopt, PlanActionKind.Noop];
        var actions = Enumerable.Range(0, count).Select(i =>
        {
            var kind = kinds[i % kinds.Length];
            var uuid = kind == PlanActionKind.Create ? null : $"{i:x8}-0000-4000-8000-000000000000";
            return new PlannedAction
            {
                Name = $"mapping-{i:D5}",
                Kind = kind,
                Uuid = uuid,
                Changes = kind == PlanActionKind.Noop
                    ? []
                    :
                    [
                        Change("batchSize", 10, 10 + i),
                        Change("eventSourceArn", $"arn:aws:kinesis:us-east-1:{Account}:stream/s{i}",
                            $"arn:aws:kinesis:us-east-1:{Account}:stream/s{i}-v2", forces: kind == PlanActionKind.Replace),
                        Change("filterCriteria", null, JsonNode.Parse($$"""{"filters":[{"pattern":"{\"n\":[{{i}}]}"}]}""")),
                    ],
                Warnings = kind is PlanActionKind.Replace or PlanActionKind.Delete
                    ? [$"Mapping {i} restarts at LATEST: records written while no mapping exists are skipped."]
                    : [],
            };
        }).ToList();
        var orphans = Enumerable.Range(0, count / 10)
            .Select(i => new LiveMappingSummary($"{i:x8}-1111-4000-8000-000000000000", Fn + "f" + i, null, "Enabled", "orphan-" + i, "esmctl"))
            .ToList();
        return new Plan(actions, orphans, []);
    }
}
