using System.Globalization;
using Reconciler.Core.Diagnostics;
using Reconciler.Core.Live;
using Reconciler.Core.Manifests;
using Reconciler.Core.Model;

namespace Reconciler.Benchmarks;

/// <summary>
/// Synthetic desired and live state of N SQS mappings, one function and queue each, deterministic so runs compare.
/// Live mappings are owned by esmctl; every hundredth differs in BatchSize so the plan has updates to compute.
/// </summary>
public static class Generated
{
    public const string Account = "123456789012";
    public const string Region = "us-east-1";

    public static string Name(int i) => "mapping-" + i.ToString("D6", CultureInfo.InvariantCulture);

    public static string Queue(int i) => $"arn:aws:sqs:{Region}:{Account}:queue-{i:D6}";

    public static string Function(int i) => "fn-" + i.ToString("D6", CultureInfo.InvariantCulture);

    public static List<DesiredMapping> Desired(int n, string prefix = "") =>
        [.. Enumerable.Range(0, n).Select(i => new DesiredMapping
        {
            Name = prefix + Name(i),
            Spec = new MappingConfiguration
            {
                FunctionName = prefix + Function(i),
                EventSourceArn = Queue(i),
                BatchSize = 10,
                Tags = new Dictionary<string, string> { ["team"] = "payments" },
            },
            Location = new SourceLocation($"m{i / 100:D4}.yaml", (i % 100 * 12) + 1, 1),
        })];

    /// <param name="drift">Every hundredth mapping's BatchSize differs from its manifest (a plan with updates to compute).</param>
    public static LiveState Live(int n, bool drift = true)
    {
        var mappings = new List<LiveMapping>(n);
        var tags = new Dictionary<string, IReadOnlyDictionary<string, string>>(n, StringComparer.Ordinal);
        for (var i = 0; i < n; i++)
        {
            var uuid = $"00000000-0000-4000-8000-{i:D12}";
            mappings.Add(new LiveMapping
            {
                Uuid = uuid,
                EventSourceMappingArn = $"arn:aws:lambda:{Region}:{Account}:event-source-mapping:{uuid}",
                FunctionArn = $"arn:aws:lambda:{Region}:{Account}:function:{Function(i)}",
                State = MappingStates.Enabled,
                Configuration = new MappingConfiguration
                {
                    EventSourceArn = Queue(i),
                    BatchSize = drift && i % 100 == 0 ? 20 : 10,
                    MaximumBatchingWindowInSeconds = 0,
                    Enabled = true,
                },
            });
            tags[uuid] = new Dictionary<string, string>
            {
                [ManagedTags.ManagedBy] = ManagedTags.DefaultOwner,
                [ManagedTags.Name] = Name(i),
                ["team"] = "payments",
            };
        }
        return new LiveState(mappings, tags);
    }

    /// <summary>One manifest document as a user would write it.</summary>
    public static string Yaml(int i) =>
        $"""
        apiVersion: esmctl/v1
        kind: EventSourceMapping
        metadata:
          name: {Name(i)}
          region: {Region}
          account: "{Account}"
        spec:
          functionName: {Function(i)}
          eventSourceArn: {Queue(i)}
          batchSize: 10
          tags:
            team: payments

        """;
}
