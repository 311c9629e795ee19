using System.Text.Json;
using System.Text.Json.Nodes;
using Reconciler.Core.Api;
using Reconciler.Core.Model;

namespace Esmctl.Tests.Aws;

public sealed class LambdaRestClientWireTests
{
    private static readonly string ListResponse = $$"""{"EventSourceMappings":[{{SampleMappings.ResponseJson}}],"NextMarker":"page-2"}""";

    [Fact]
    public async Task List_sends_every_query_member_by_its_model_name_and_reads_the_page()
    {
        var fixture = new ClientFixture(CapturingHandler.Always(200, ListResponse));

        var page = await fixture.Client.ListAsync(
            new ListMappingsQuery("m/1+2", 50, "orders", "arn:aws:sqs:eu-west-1:123456789012:orders"), CancellationToken.None);

        var request = Assert.Single(fixture.Handler.Requests);
        Assert.Equal("GET", request.Method);
        Assert.Equal("/2015-03-31/event-source-mappings", request.RawPath);
        Assert.Equal(
            "EventSourceArn=arn%3Aaws%3Asqs%3Aeu-west-1%3A123456789012%3Aorders&FunctionName=orders&Marker=m%2F1%2B2&MaxItems=50",
            request.RawQuery);
        Assert.Null(request.Body);
        Assert.Equal("page-2", page.NextMarker);
        Assert.Equal(SampleMappings.Uuid, Assert.Single(page.Mappings).Uuid);
    }

    [Fact]
    public async Task List_without_filters_sends_no_query_and_a_missing_or_empty_NextMarker_ends_paging()
    {
        var fixture = new ClientFixture(CapturingHandler.Sequence(
            () => CapturingHandler.Json(200, """{"EventSourceMappings":[]}"""),
            () => CapturingHandler.Json(200, """{"EventSourceMappings":[],"NextMarker":""}"""),
            () => CapturingHandler.Json(200, "{}")));

        for (var i = 0; i < 3; i++)
        {
            var page = await fixture.Client.ListAsync(new ListMappingsQuery(), CancellationToken.None);
            Assert.Empty(page.Mappings);
            Assert.Null(page.NextMarker);
        }
        Assert.All(fixture.Handler.Requests, r => Assert.Equal("", r.RawQuery));
    }

    [Fact]
    public async Task Get_reads_the_configuration_into_a_live_mapping_with_FunctionArn_as_FunctionName()
    {
        var fixture = new ClientFixture(CapturingHandler.Always(200, SampleMappings.ResponseJson));

        var live = await fixture.Client.GetAsync(SampleMappings.Uuid, CancellationToken.None);

        var request = Assert.Single(fixture.Handler.Requests);
        Assert.Equal("GET", request.Method);
        Assert.Equal($"/2015-03-31/event-source-mappings/{SampleMappings.Uuid}", request.RawPath);
        Assert.Equal(SampleMappings.EsmArn, live.EventSourceMappingArn);
        Assert.Equal(SampleMappings.FunctionArn, live.FunctionArn);
        Assert.Equal("Enabled", live.State);
        Assert.Equal("USER_INITIATED", live.StateTransitionReason);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1_569_284_520_333), live.LastModified);
        var c = live.Configuration;
        Assert.Equal(SampleMappings.FunctionArn, c.FunctionName);
        Assert.Null(c.Enabled);
        Assert.Null(c.Tags);
        Assert.Equal(10, c.BatchSize);
        Assert.Equal("arn:aws:kms:eu-west-1:123456789012:key/k", c.KmsKeyArn);
        Assert.Equal(5, c.ScalingConfig!.MaximumConcurrency);
        Assert.Equal("{\"a\":[1]}", Assert.Single(c.FilterCriteria!.Filters!).Pattern);
        Assert.Equal(["ReportBatchItemFailures"], c.FunctionResponseTypes!);
        Assert.Equal("arn:aws:sqs:eu-west-1:123456789012:dlq", c.DestinationConfig!.OnFailure!.Destination);
        Assert.Null(c.DestinationConfig.OnSuccess);
    }

    [Theory]
    [InlineData(200)]
    [InlineData(201)]
    [InlineData(202)]
    public async Task Create_posts_the_model_members_and_accepts_any_2xx(int status)
    {
        var fixture = new ClientFixture(CapturingHandler.Always(status, SampleMappings.ResponseJson));

        var live = await fixture.Client.CreateAsync(SampleMappings.Sqs, CancellationToken.None);

        var request = Assert.Single(fixture.Handler.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/2015-03-31/event-source-mappings", request.RawPath);
        Assert.StartsWith("application/json", request.Headers["Content-Type"]);
        var body = JsonNode.Parse(request.Body!)!.AsObject();
        Assert.Equal(
            ["BatchSize", "Enabled", "EventSourceArn", "FilterCriteria", "FunctionName", "FunctionResponseTypes", "KMSKeyArn",
             "MaximumBatchingWindowInSeconds", "MetricsConfig", "ProvisionedPollerConfig", "ScalingConfig", "Tags"],
            body.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Equal("orders-queue", (string?)body["Tags"]![ManagedTags.Name]);
        Assert.Equal(2, (int?)body["ProvisionedPollerConfig"]!["MinimumPollers"]);
        Assert.Null(body["ProvisionedPollerConfig"]!["PollerGroupName"]);
        Assert.Equal(SampleMappings.Uuid, live.Uuid);
    }

    [Fact]
    public async Task Create_writes_timestamps_as_fractional_epoch_seconds_and_renamed_members_as_the_model_spells_them()
    {
        var fixture = new ClientFixture(CapturingHandler.Always(202, SampleMappings.ResponseJson));

        await fixture.Client.CreateAsync(SampleMappings.Kinesis, CancellationToken.None);
        await fixture.Client.CreateAsync(SampleMappings.SelfManagedKafka, CancellationToken.None);

        var kinesis = JsonDocument.Parse(fixture.Handler.Requests[0].Body!).RootElement;
        Assert.Equal(JsonValueKind.Number, kinesis.GetProperty("StartingPositionTimestamp").ValueKind);
        Assert.Equal(1569284520.333, kinesis.GetProperty("StartingPositionTimestamp").GetDouble());
        Assert.False(kinesis.GetProperty("Enabled").GetBoolean());
        var kafka = JsonDocument.Parse(fixture.Handler.Requests[1].Body!).RootElement;
        Assert.Equal("subnet:subnet-0123456789abcdef0", kafka.GetProperty("SourceAccessConfigurations")[0].GetProperty("URI").GetString());
        var registry = kafka.GetProperty("SelfManagedKafkaEventSourceConfig").GetProperty("SchemaRegistryConfig");
        Assert.Equal("https://schema-registry.example.com:8081", registry.GetProperty("SchemaRegistryURI").GetString());
        Assert.Equal("BASIC_AUTH", registry.GetProperty("AccessConfigs")[0].GetProperty("Type").GetString());
        Assert.Equal(2, kafka.GetProperty("SelfManagedEventSource").GetProperty("Endpoints").GetProperty("KAFKA_BOOTSTRAP_SERVERS").GetArrayLength());
    }

    [Fact]
    public async Task Update_puts_only_the_given_updatable_members_and_never_create_only_ones()
    {
        var fixture = new ClientFixture(CapturingHandler.Always(202, SampleMappings.ResponseJson));

        await fixture.Client.UpdateAsync(SampleMappings.Uuid, new MappingConfiguration { BatchSize = 20 }, CancellationToken.None);
        await fixture.Client.UpdateAsync(SampleMappings.Uuid, SampleMappings.Kinesis, CancellationToken.None);

        var first = fixture.Handler.Requests[0];
        Assert.Equal("PUT", first.Method);
        Assert.Equal($"/2015-03-31/event-source-mappings/{SampleMappings.Uuid}", first.RawPath);
        Assert.Equal("""{"BatchSize":20}""", first.Body);
        var full = JsonNode.Parse(fixture.Handler.Requests[1].Body!)!.AsObject();
        foreach (var createOnly in new[] { "EventSourceArn", "StartingPosition", "StartingPositionTimestamp", "Tags", "Topics", "Queues", "SelfManagedEventSource", "UUID" })
            Assert.False(full.ContainsKey(createOnly), createOnly);
        Assert.Equal(SampleMappings.Kinesis.FunctionName, (string?)full["FunctionName"]);
        Assert.False((bool)full["Enabled"]!);
    }

    [Fact]
    public async Task Update_clears_structures_with_empty_values_as_the_API_documents()
    {
        var fixture = new ClientFixture(CapturingHandler.Always(202, SampleMappings.ResponseJson));

        await fixture.Client.UpdateAsync(SampleMappings.Uuid, SampleMappings.Clearing, CancellationToken.None);

        var body = JsonNode.Parse(Assert.Single(fixture.Handler.Requests).Body!)!;
        Assert.Equal(
            """{"FilterCriteria":{},"KMSKeyArn":"","MetricsConfig":{"Metrics":[]},"ScalingConfig":{},"DestinationConfig":{},"SourceAccessConfigurations":[],"FunctionResponseTypes":[]}""",
            body.ToJsonString());
        Assert.DoesNotContain("null", body.ToJsonString());
    }

    [Fact]
    public async Task Delete_sends_DELETE_and_returns_the_mapping_as_deleted()
    {
        var deleting = SampleMappings.ResponseJson.Replace("\"Enabled\"", "\"Deleting\"");
        var fixture = new ClientFixture(CapturingHandler.Always(202, deleting));

        var live = await fixture.Client.DeleteAsync(SampleMappings.Uuid, CancellationToken.None);

        var request = Assert.Single(fixture.Handler.Requests);
        Assert.Equal("DELETE", request.Method);
        Assert.Equal($"/2015-03-31/event-source-mappings/{SampleMappings.Uuid}", request.RawPath);
        Assert.Equal("Deleting", live.State);
        Assert.True(live.IsTransitional);
    }

    [Fact]
    public async Task Tag_operations_put_the_percent_encoded_ARN_in_the_path()
    {
        const string encoded = "arn%3Aaws%3Alambda%3Aeu-west-1%3A123456789012%3Aevent-source-mapping%3A14e0db71-5d35-4eb5-b481-8945cf9d10c2";
        var fixture = new ClientFixture(CapturingHandler.Sequence(
            () => CapturingHandler.Json(200, """{"Tags":{"esmctl:managed-by":"esmctl","team":"a b"}}"""),
            () => CapturingHandler.Json(204, ""),
            () => CapturingHandler.Json(204, "")));

        var tags = await fixture.Client.ListTagsAsync(SampleMappings.EsmArn, CancellationToken.None);
        await fixture.Client.TagAsync(SampleMappings.EsmArn, new Dictionary<string, string> { ["team"] = "orders", ["esmctl:name"] = "q" }, CancellationToken.None);
        await fixture.Client.UntagAsync(SampleMappings.EsmArn, ["old", "a b"], CancellationToken.None);

        Assert.Equal("a b", tags["team"]);
        var (list, tag, untag) = (fixture.Handler.Requests[0], fixture.Handler.Requests[1], fixture.Handler.Requests[2]);
        Assert.Equal(("GET", "/2017-03-31/tags/" + encoded), (list.Method, list.RawPath));
        Assert.Equal(("POST", "/2017-03-31/tags/" + encoded), (tag.Method, tag.RawPath));
        Assert.Equal("""{"Tags":{"team":"orders","esmctl:name":"q"}}""", tag.Body);
        Assert.Equal(("DELETE", "/2017-03-31/tags/" + encoded), (untag.Method, untag.RawPath));
        Assert.Equal("tagKeys=old&tagKeys=a%20b", untag.RawQuery);
        Assert.Null(untag.Body);
    }

    [Fact]
    public async Task Responses_are_read_as_JSON_whatever_their_content_type_and_unknown_members_are_ignored()
    {
        var fixture = new ClientFixture(CapturingHandler.Sequence(
            () => CapturingHandler.Json(200, SampleMappings.ResponseJson, "text/plain"),
            () => CapturingHandler.Json(200, SampleMappings.ResponseJson, "application/x-amz-json-1.1")));

        var first = await fixture.Client.GetAsync(SampleMappings.Uuid, CancellationToken.None);
        var second = await fixture.Client.GetAsync(SampleMappings.Uuid, CancellationToken.None);

        Assert.Equal(first with { Configuration = second.Configuration }, second);
        Assert.Equal(SampleMappings.Uuid, first.Uuid);
    }

    [Fact]
    public async Task ISO_8601_timestamps_some_emulators_send_are_read_too()
    {
        var body = SampleMappings.ResponseJson.Replace("1569284520.333", "\"2016-11-21T19:49:20.006+0000\"");
        var fixture = new ClientFixture(CapturingHandler.Always(200, body));

        var live = await fixture.Client.GetAsync(SampleMappings.Uuid, CancellationToken.None);

        Assert.Equal(new DateTimeOffset(2016, 11, 21, 19, 49, 20, 6, TimeSpan.Zero), live.LastModified);
    }

    [Fact]
    public async Task An_endpoint_with_a_path_prefix_keeps_it()
    {
        var fixture = new ClientFixture(CapturingHandler.Always(200, SampleMappings.ResponseJson),
            endpoint: new Uri("http://127.0.0.1:4566/lambda-proxy/"));

        await fixture.Client.GetAsync(SampleMappings.Uuid, CancellationToken.None);

        var request = Assert.Single(fixture.Handler.Requests);
        Assert.Equal("http://127.0.0.1:4566/lambda-proxy/2015-03-31/event-source-mappings/" + SampleMappings.Uuid,
            request.Uri.AbsoluteUri);
    }

    [Fact]
    public async Task A_2xx_body_that_is_not_JSON_is_an_API_error_not_a_crash()
    {
        var fixture = new ClientFixture(CapturingHandler.Always(200, "<html>gateway</html>"));

        var error = await Assert.ThrowsAsync<LambdaApiException>(() => fixture.Client.GetAsync(SampleMappings.Uuid, CancellationToken.None));

        Assert.Equal("InvalidResponseException", error.ErrorCode);
    }
}
