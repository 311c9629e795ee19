using System.Text.Json;
using System.Text.RegularExpressions;
using Esmctl.Aws;
using FsCheck;
using FsCheck.Fluent;
using Reconciler.Core.Model;

namespace Esmctl.Tests.Aws;

/// <summary>
/// Every request the client sends is checked against service-2.json alone (routes, query names, body shapes),
/// and the model's own examples must parse, so the client cannot agree with the emulator on a mistake.
/// </summary>
public sealed class ConformanceTests
{
    public static TheoryData<string> SourceKinds => new(SampleMappings.All.Select(s => s.Name));

    [Theory]
    [MemberData(nameof(SourceKinds))]
    public async Task Create_bodies_conform_to_CreateEventSourceMappingRequest(string kind)
    {
        var configuration = SampleMappings.All.Single(s => s.Name == kind).Configuration;
        var fixture = new ClientFixture(CapturingHandler.Always(202, SampleMappings.ResponseJson));

        await fixture.Client.CreateAsync(configuration, CancellationToken.None);

        var request = Assert.Single(fixture.Handler.Requests);
        AssertRoute("CreateEventSourceMapping", request);
        AssertConforms(request.Body!, "CreateEventSourceMappingRequest");
    }

    [Theory]
    [MemberData(nameof(SourceKinds))]
    public async Task Update_bodies_conform_to_UpdateEventSourceMappingRequest(string kind)
    {
        var configuration = SampleMappings.All.Single(s => s.Name == kind).Configuration;
        var fixture = new ClientFixture(CapturingHandler.Always(202, SampleMappings.ResponseJson));

        await fixture.Client.UpdateAsync(SampleMappings.Uuid, configuration, CancellationToken.None);
        await fixture.Client.UpdateAsync(SampleMappings.Uuid, SampleMappings.Clearing, CancellationToken.None);

        foreach (var request in fixture.Handler.Requests)
        {
            AssertRoute("UpdateEventSourceMapping", request);
            AssertConforms(request.Body!, "UpdateEventSourceMappingRequest");
        }
    }

    /// <summary>Any subset of the updatable members makes a conforming body that holds exactly that subset.</summary>
    [Fact]
    public void Any_partial_update_conforms_and_sends_exactly_the_given_members()
    {
        var source = SampleMappings.Msk with { ScalingConfig = new ScalingConfig(10), KmsKeyArn = "", Enabled = true,
            ParallelizationFactor = 2, TumblingWindowInSeconds = 60, BisectBatchOnFunctionError = false, MaximumRetryAttempts = 3,
            MaximumRecordAgeInSeconds = 60, MaximumBatchingWindowInSeconds = 0, FilterCriteria = new FilterCriteria([]),
            FunctionResponseTypes = ["ReportBatchItemFailures"], DocumentDBEventSourceConfig = new DocumentDBEventSourceConfig("d", null, "Default"),
            SelfManagedKafkaEventSourceConfig = new KafkaEventSourceConfig(null, null) };
        var updatable = ReferenceModel.Shapes.GetProperty("UpdateEventSourceMappingRequest").GetProperty("members")
            .EnumerateObject().Where(m => !m.Value.TryGetProperty("location", out _)).Select(m => m.Name).ToList();

        Prop.ForAll(Gen.Choose(0, (1 << updatable.Count) - 1).ToArbitrary(), mask =>
        {
            var chosen = updatable.Where((_, i) => (mask & (1 << i)) != 0).ToHashSet();
            var changes = Only(source, chosen);
            var fixture = new ClientFixture(CapturingHandler.Always(202, SampleMappings.ResponseJson));
            fixture.Client.UpdateAsync(SampleMappings.Uuid, changes, CancellationToken.None).GetAwaiter().GetResult();
            var body = Assert.Single(fixture.Handler.Requests).Body!;
            AssertConforms(body, "UpdateEventSourceMappingRequest");
            var sent = JsonDocument.Parse(body).RootElement.EnumerateObject().Select(p => p.Name).ToHashSet();
            return sent.SetEquals(chosen);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public async Task Read_List_Delete_and_tag_requests_follow_the_model_routes_and_bodies()
    {
        var fixture = new ClientFixture(new CapturingHandler((r, _) => CapturingHandler.Json(200,
            r.RawPath.StartsWith("/2017", StringComparison.Ordinal) ? """{"Tags":{}}"""
            : r.RawPath.EndsWith("mappings", StringComparison.Ordinal) ? "{}" : SampleMappings.ResponseJson)));

        await fixture.Client.ListAsync(new("marker", 100, "orders", "arn:aws:sqs:eu-west-1:123456789012:q"), CancellationToken.None);
        await fixture.Client.GetAsync(SampleMappings.Uuid, CancellationToken.None);
        await fixture.Client.DeleteAsync(SampleMappings.Uuid, CancellationToken.None);
        await fixture.Client.ListTagsAsync(SampleMappings.EsmArn, CancellationToken.None);
        await fixture.Client.TagAsync(SampleMappings.EsmArn, new Dictionary<string, string> { [ManagedTags.ManagedBy] = "esmctl", ["a b"] = "" }, CancellationToken.None);
        await fixture.Client.UntagAsync(SampleMappings.EsmArn, [ManagedTags.Name], CancellationToken.None);

        var r = fixture.Handler.Requests;
        AssertRoute("ListEventSourceMappings", r[0]);
        AssertRoute("GetEventSourceMapping", r[1]);
        AssertRoute("DeleteEventSourceMapping", r[2]);
        AssertRoute("ListTags", r[3]);
        AssertRoute("TagResource", r[4]);
        AssertConforms(r[4].Body!, "TagResourceRequest");
        AssertRoute("UntagResource", r[5]);
        Assert.All(new[] { r[0], r[1], r[2], r[3], r[5] }, q => Assert.Null(q.Body));
    }

    public static TheoryData<string> ExampleOperations => new(
        "CreateEventSourceMapping", "GetEventSourceMapping", "UpdateEventSourceMapping", "DeleteEventSourceMapping",
        "ListEventSourceMappings", "ListTags");

    [Theory]
    [MemberData(nameof(ExampleOperations))]
    public async Task The_model_examples_outputs_parse(string operation)
    {
        foreach (var example in ReferenceModel.Examples.GetProperty(operation).EnumerateArray())
        {
            var output = example.GetProperty("output");
            var fixture = new ClientFixture(CapturingHandler.Always(200, output.GetRawText()));
            var client = fixture.Client;
            switch (operation)
            {
                case "ListEventSourceMappings":
                    var page = await client.ListAsync(new(), CancellationToken.None);
                    Assert.Equal(output.GetProperty("EventSourceMappings").GetArrayLength(), page.Mappings.Count);
                    AssertMapping(output.GetProperty("EventSourceMappings")[0], page.Mappings[0]);
                    break;
                case "ListTags":
                    var tags = await client.ListTagsAsync(SampleMappings.EsmArn, CancellationToken.None);
                    Assert.Equal(output.GetProperty("Tags").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!), tags);
                    break;
                default:
                    var live = operation switch
                    {
                        "CreateEventSourceMapping" => await client.CreateAsync(SampleMappings.Sqs, CancellationToken.None),
                        "GetEventSourceMapping" => await client.GetAsync(SampleMappings.Uuid, CancellationToken.None),
                        "UpdateEventSourceMapping" => await client.UpdateAsync(SampleMappings.Uuid, new() { BatchSize = 1 }, CancellationToken.None),
                        _ => await client.DeleteAsync(SampleMappings.Uuid, CancellationToken.None),
                    };
                    AssertMapping(output, live);
                    break;
            }
        }
    }

    private static void AssertMapping(JsonElement expected, LiveMapping live)
    {
        Assert.Equal(expected.GetProperty("UUID").GetString(), live.Uuid);
        Assert.Equal(expected.GetProperty("FunctionArn").GetString(), live.FunctionArn);
        Assert.Equal(expected.GetProperty("FunctionArn").GetString(), live.Configuration.FunctionName);
        Assert.Equal(expected.GetProperty("State").GetString(), live.State);
        Assert.Equal(expected.GetProperty("BatchSize").GetInt32(), live.Configuration.BatchSize);
        Assert.Equal(expected.GetProperty("EventSourceArn").GetString(), live.Configuration.EventSourceArn);
        Assert.NotNull(live.LastModified);
        if (expected.TryGetProperty("MaximumRetryAttempts", out var retries))
            Assert.Equal(retries.GetInt32(), live.Configuration.MaximumRetryAttempts);
        if (expected.TryGetProperty("DestinationConfig", out _))
            Assert.Equal(new DestinationConfig(null, null), live.Configuration.DestinationConfig);
    }

    /// <summary>The method and path template of the operation in the model, with each {Label} one encoded segment,
    /// and only the query names its input shape binds to the query string.</summary>
    private static void AssertRoute(string operation, CapturedRequest request)
    {
        var model = ReferenceModel.Operation(operation);
        var http = model.GetProperty("http");
        Assert.Equal(http.GetProperty("method").GetString(), request.Method);
        var template = "^" + Regex.Replace(Regex.Escape(http.GetProperty("requestUri").GetString()!), @"\\\{[A-Za-z]+}", "[^/?]+") + "$";
        Assert.Matches(template, request.RawPath);
        Assert.DoesNotContain(":", request.RawPath[1..], StringComparison.Ordinal);

        var queryNames = model.TryGetProperty("input", out var input)
            ? ReferenceModel.Shapes.GetProperty(input.GetProperty("shape").GetString()!).GetProperty("members").EnumerateObject()
                .Where(m => m.Value.TryGetProperty("location", out var l) && l.GetString() == "querystring")
                .Select(m => m.Value.GetProperty("locationName").GetString()).ToHashSet()
            : [];
        foreach (var pair in request.RawQuery.Split('&', StringSplitOptions.RemoveEmptyEntries))
            Assert.Contains(Uri.UnescapeDataString(pair.Split('=')[0]), queryNames);
        if (operation == "TagResource" || operation.StartsWith("Create", StringComparison.Ordinal) || operation.StartsWith("Update", StringComparison.Ordinal))
            Assert.NotNull(request.Body);
    }

    private static void AssertConforms(string body, string shape)
    {
        var problems = ModelShapeValidator.Validate(JsonDocument.Parse(body).RootElement, shape);
        Assert.True(problems.Count == 0, $"{shape}: {string.Join("; ", problems)}\n{body}");
    }

    /// <summary>The configuration with only the named wire members kept.</summary>
    private static MappingConfiguration Only(MappingConfiguration c, IReadOnlySet<string> wire) => new()
    {
        FunctionName = wire.Contains("FunctionName") ? c.FunctionName : null,
        Enabled = wire.Contains("Enabled") ? c.Enabled : null,
        BatchSize = wire.Contains("BatchSize") ? c.BatchSize : null,
        FilterCriteria = wire.Contains("FilterCriteria") ? c.FilterCriteria : null,
        KmsKeyArn = wire.Contains("KMSKeyArn") ? c.KmsKeyArn : null,
        MetricsConfig = wire.Contains("MetricsConfig") ? c.MetricsConfig : null,
        LoggingConfig = wire.Contains("LoggingConfig") ? c.LoggingConfig : null,
        ScalingConfig = wire.Contains("ScalingConfig") ? c.ScalingConfig : null,
        MaximumBatchingWindowInSeconds = wire.Contains("MaximumBatchingWindowInSeconds") ? c.MaximumBatchingWindowInSeconds : null,
        ParallelizationFactor = wire.Contains("ParallelizationFactor") ? c.ParallelizationFactor : null,
        DestinationConfig = wire.Contains("DestinationConfig") ? c.DestinationConfig : null,
        MaximumRecordAgeInSeconds = wire.Contains("MaximumRecordAgeInSeconds") ? c.MaximumRecordAgeInSeconds : null,
        BisectBatchOnFunctionError = wire.Contains("BisectBatchOnFunctionError") ? c.BisectBatchOnFunctionError : null,
        MaximumRetryAttempts = wire.Contains("MaximumRetryAttempts") ? c.MaximumRetryAttempts : null,
        TumblingWindowInSeconds = wire.Contains("TumblingWindowInSeconds") ? c.TumblingWindowInSeconds : null,
        SourceAccessConfigurations = wire.Contains("SourceAccessConfigurations") ? c.SourceAccessConfigurations : null,
        FunctionResponseTypes = wire.Contains("FunctionResponseTypes") ? c.FunctionResponseTypes : null,
        AmazonManagedKafkaEventSourceConfig = wire.Contains("AmazonManagedKafkaEventSourceConfig") ? c.AmazonManagedKafkaEventSourceConfig : null,
        SelfManagedKafkaEventSourceConfig = wire.Contains("SelfManagedKafkaEventSourceConfig") ? c.SelfManagedKafkaEventSourceConfig : null,
        DocumentDBEventSourceConfig = wire.Contains("DocumentDBEventSourceConfig") ? c.DocumentDBEventSourceConfig : null,
        ProvisionedPollerConfig = wire.Contains("ProvisionedPollerConfig") ? c.ProvisionedPollerConfig : null,
        // Create-only members are always given, so the property also proves Update drops them.
        EventSourceArn = c.EventSourceArn,
        StartingPosition = c.StartingPosition,
        Topics = c.Topics,
        Tags = new Dictionary<string, string> { ["k"] = "v" },
    };
}
