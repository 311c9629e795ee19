using System.Text;
using Reconciler.Core.Export;
using Reconciler.Core.Fields;
using Reconciler.Core.Live;
using Reconciler.Core.Manifests;
using Reconciler.Core.Model;
using Reconciler.Core.Normalization;
using Reconciler.Core.Planning;
using Reconciler.Core.Tests.Fields;
using Reconciler.Emulator.ControlPlane;
using Reconciler.Testing;

namespace Reconciler.Core.Tests.Export;

/// <summary>
/// Export, then plan, is adopt-only: for a mapping of every source kind, with every member its kind accepts set
/// (schema registries, a disabled mapping, provisioned pollers, filters, ...), the exported manifest passes the real
/// loader's validation and plans against the same live mapping to nothing but esmctl's two ownership tags. The live
/// mappings are what the emulated control plane reports after a Create, echoes included.
/// </summary>
public sealed class ExportRoundTripTests
{
    private const string Account = FullMappings.Account;
    private const string Region = FullMappings.Region;

    public static TheoryData<string> Cases() => [.. Mappings.Select(c => c.Name)];

    private static readonly IReadOnlyList<(string Name, MappingConfiguration Configuration)> Mappings =
    [
        .. FullMappings.PerKind,
        ("sqs-disabled", FullMappings.Sqs with { Enabled = false }),
        ("msk-disabled-with-registry", FullMappings.Msk with { Enabled = false }),
        ("msk-confluent-registry", FullMappings.Msk with
        {
            EventSourceArn = "arn:aws:kafka:us-east-1:123456789012:cluster/other/abcd1234-ab12-cd34-ef56-abcdef123456-2",
            AmazonManagedKafkaEventSourceConfig = new KafkaEventSourceConfig(null, new KafkaSchemaRegistryConfig(
                "https://schema-registry.example.com", "SOURCE",
                [new KafkaSchemaRegistryAccessConfig("BASIC_AUTH", "arn:aws:secretsmanager:us-east-1:123456789012:secret:registry")],
                [new KafkaSchemaValidationConfig("KEY")])),
        }),
        ("sqs-defaults-only", new MappingConfiguration { FunctionName = "orders", EventSourceArn = "arn:aws:sqs:us-east-1:123456789012:plain", BatchSize = 10, MaximumBatchingWindowInSeconds = 0, Enabled = true }),
        ("sqs-provisioned", FullMappings.SqsProvisioned),
        ("sqs-default-pollers", FullMappings.SqsProvisioned with { EventSourceArn = "arn:aws:sqs:us-east-1:123456789012:pollers", ProvisionedPollerConfig = new ProvisionedPollerConfig(2, 200, null) }),
        ("kinesis-stream-defaults", FullMappings.Kinesis with { EventSourceArn = "arn:aws:kinesis:us-east-1:123456789012:stream/d", ParallelizationFactor = 1, MaximumRecordAgeInSeconds = -1, MaximumRetryAttempts = -1, BisectBatchOnFunctionError = false, TumblingWindowInSeconds = 0 }),
        ("documentdb-default-document", FullMappings.DocumentDb with { DocumentDBEventSourceConfig = new DocumentDBEventSourceConfig("shop", null, "Default") }),
    ];

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Export_then_plan_is_adopt_only(string name)
    {
        var configuration = Mappings.Single(m => m.Name == name).Configuration;
        var (live, yaml) = await ExportAsync(configuration);

        var loaded = ManifestLoader.Load([new ManifestFile($"manifests/{name}.yaml", Encoding.UTF8.GetBytes(yaml))], new ManualTimeProvider());
        Assert.False(loaded.HasErrors, yaml + "\n" + string.Join("\n", loaded.Diagnostics));
        var plan = Planner.Plan(loaded.Mappings, live, new PlanOptions { Account = Account, Region = Region });

        var action = Assert.Single(plan.Actions);
        Assert.True(action.Kind == PlanActionKind.Adopt, yaml + "\n" + action.Kind);
        Assert.Equal(["tags.esmctl:managed-by", "tags.esmctl:name"], action.Changes.Select(c => c.Field).Order());
        Assert.True(action.Warnings.Count == 0, string.Join("\n", action.Warnings));
        Assert.Null(action.UpdateRequest);
    }

    [Fact]
    public async Task A_disabled_mapping_exports_enabled_false_and_a_schema_registry_its_URI_member()
    {
        var (_, yaml) = await ExportAsync(FullMappings.Msk with { Enabled = false });
        Assert.Contains("\n  enabled: false\n", yaml);
        Assert.Contains("\n      schemaRegistryURI: arn:aws:glue:us-east-1:123456789012:registry/orders\n", yaml);
        Assert.StartsWith("# yaml-language-server: $schema=../schemas/eventsourcemapping.v1.schema.json\n", yaml);

        var (_, enabled) = await ExportAsync(FullMappings.Sqs);
        Assert.DoesNotContain("enabled", enabled);
        Assert.Contains("\n  functionName: orders\n  eventSourceArn: ", enabled);
        Assert.EndsWith("  tags:\n    team: payments\n", enabled);
    }

    /// <summary>Another tool may have stored a pattern System.Text.Json cannot turn into a mapping (a key written twice,
    /// text that is not JSON): export writes the live text as it is rather than failing the whole export.</summary>
    [Theory]
    [InlineData("""{"a":[1],"a":[2]}""")]
    [InlineData("""{"body":{"x":[1],"x":[{"prefix":"y"}]}}""")]
    public async Task A_live_pattern_that_is_no_mapping_is_exported_as_its_text(string pattern)
    {
        var (_, yaml) = await ExportAsync(FullMappings.Sqs with { FilterCriteria = new FilterCriteria([new Filter(pattern)]) });
        var written = new YamlDotNet.Serialization.Deserializer().Deserialize<Dictionary<string, object>>(yaml);
        var filters = (List<object>)((Dictionary<object, object>)((Dictionary<object, object>)written["spec"])["filterCriteria"])["filters"];
        var only = Assert.IsType<Dictionary<object, object>>(Assert.Single(filters));
        Assert.Equal(pattern, only["pattern"]);
    }

    /// <summary>The cases above set every member a manifest can hold, so "every field of every source type" is checked,
    /// not assumed: a member added to the model fails here until a case gives it a value.</summary>
    [Fact]
    public void The_cases_give_every_member_a_value()
    {
        var leaves = MappingFields.Table.Configuration
            .Where(f => f.Comparison != FieldComparison.Tags)
            .SelectMany(Leaves)
            .ToHashSet(StringComparer.Ordinal);
        // Not settable by Create or Update (the model says so), so no live mapping has it.
        leaves.Remove("destinationConfig.onSuccess.destination");
        var given = Mappings
            .SelectMany(m => CanonicalFields.Of(m.Configuration, m.Configuration.FunctionName).Keys)
            .Select(path => MappingFields.Table.Along(path)[^1].Path)
            .ToHashSet(StringComparer.Ordinal);
        Assert.Equal([], leaves.Except(given).Order());
    }

    [Fact]
    public async Task A_mapping_claimed_under_a_case_variant_of_the_ownership_key_exports_a_manifest_that_loads_and_is_never_adopted()
    {
        // The claim is not a user tag: exported as one, the manifest failed validation (esmctl: keys are esmctl's own) and
        // its error blocked the whole exported folder. Left out, the manifest loads and its plan leaves the mapping alone.
        var (live, yaml) = await ExportAsync(FullMappings.Sqs with
        {
            Tags = new Dictionary<string, string> { ["ESMCTL:managed-by"] = "team-b", ["team"] = "payments" },
        });

        Assert.DoesNotContain("ESMCTL", yaml);
        Assert.Contains("team: payments", yaml);
        var loaded = ManifestLoader.Load([new ManifestFile("manifests/claimed.yaml", Encoding.UTF8.GetBytes(yaml))], new ManualTimeProvider());
        Assert.False(loaded.HasErrors, yaml + "\n" + string.Join("\n", loaded.Diagnostics));
        var plan = Planner.Plan(loaded.Mappings, live, new PlanOptions { Account = Account, Region = Region });
        Assert.DoesNotContain(plan.Actions, a => a.Kind != PlanActionKind.Noop);
    }

    private static IEnumerable<string> Leaves(Field field) => field.Kind switch
    {
        FieldKind.Structure => field.Members.SelectMany(Leaves),
        _ => [field.Path],
    };

    /// <summary>Creates the mapping as another tool would (its own tags, none of esmctl's), reads the account back as the
    /// planner does, and writes the manifest export writes.</summary>
    private static async Task<(LiveState Live, string Yaml)> ExportAsync(MappingConfiguration configuration)
    {
        var time = new ManualTimeProvider { AutoAdvance = true };
        var api = new EmulatedControlPlane(new ControlPlaneOptions(), time, UuidSources.Seeded(3));
        await api.CreateAsync(configuration, CancellationToken.None);
        time.Advance(TimeSpan.FromMinutes(5));
        var live = await new LiveStateReader(api).ReadAsync(CancellationToken.None);
        var mapping = Assert.Single(live.Mappings);
        Assert.False(mapping.IsTransitional, mapping.State);
        var spec = MinimalSpec.Of(mapping, live.TagsOf(mapping.Uuid), "aws", Region, Account);
        return (live, ManifestYaml.Write("exported", Region, Account, spec, $"Exported by esmctl from mapping {mapping.Uuid}."));
    }
}
