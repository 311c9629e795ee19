using System.Net;
using System.Text.Json;

namespace Reconciler.Emulator.Tests.Http;

public sealed class RouteTests
{
    private const string Mappings = "2015-03-31/event-source-mappings";
    private const string Sqs = """{"FunctionName":"orders-handler","EventSourceArn":"arn:aws:sqs:us-east-1:123456789012:orders"}""";

    [Fact]
    public async Task Create_get_update_delete_answer_with_the_models_statuses_and_members()
    {
        await using var emulator = await RunningEmulator.StartAsync();

        var created = await emulator.CreateAsync(Sqs);
        var uuid = created.GetProperty("UUID").GetString()!;
        Assert.Equal("Creating", created.GetProperty("State").GetString());
        Assert.Equal("arn:aws:lambda:us-east-1:123456789012:function:orders-handler", created.GetProperty("FunctionArn").GetString());
        Assert.Equal($"arn:aws:lambda:us-east-1:123456789012:event-source-mapping:{uuid}", created.GetProperty("EventSourceMappingArn").GetString());
        Assert.Equal(10, created.GetProperty("BatchSize").GetInt32());
        Assert.Equal(JsonValueKind.Number, created.GetProperty("LastModified").ValueKind);
        Assert.False(created.TryGetProperty("FunctionName", out _));
        Assert.False(created.TryGetProperty("Enabled", out _));

        var (get, got) = await emulator.SendAsync(HttpMethod.Get, $"{Mappings}/{uuid}");
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Equal("Enabled", got.GetProperty("State").GetString());
        Assert.StartsWith("application/json", get.Content.Headers.ContentType!.ToString());

        var (update, updated) = await emulator.SendAsync(HttpMethod.Put, $"{Mappings}/{uuid}", """{"BatchSize":5,"Enabled":false}""");
        Assert.Equal(HttpStatusCode.Accepted, update.StatusCode);
        Assert.Equal("Disabling", updated.GetProperty("State").GetString());
        Assert.Equal(5, updated.GetProperty("BatchSize").GetInt32());

        var (delete, deleted) = await emulator.SendAsync(HttpMethod.Delete, $"{Mappings}/{uuid}");
        Assert.Equal(HttpStatusCode.Accepted, delete.StatusCode);
        Assert.Equal("Deleting", deleted.GetProperty("State").GetString());

        var (gone, _) = await emulator.SendAsync(HttpMethod.Get, $"{Mappings}/{uuid}");
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Equal("ResourceNotFoundException", RunningEmulator.ErrorType(gone));
    }

    [Fact]
    public async Task Update_clears_a_structure_sent_empty()
    {
        await using var emulator = await RunningEmulator.StartAsync();
        var created = await emulator.CreateAsync(
            """{"FunctionName":"f","EventSourceArn":"arn:aws:sqs:us-east-1:123456789012:q","ScalingConfig":{"MaximumConcurrency":5}}""");
        Assert.Equal(5, created.GetProperty("ScalingConfig").GetProperty("MaximumConcurrency").GetInt32());
        var uuid = created.GetProperty("UUID").GetString();
        await emulator.SendAsync(HttpMethod.Get, $"{Mappings}/{uuid}");

        var (_, updated) = await emulator.SendAsync(HttpMethod.Put, $"{Mappings}/{uuid}", """{"ScalingConfig":{}}""");

        Assert.False(updated.TryGetProperty("ScalingConfig", out var scaling) && scaling.TryGetProperty("MaximumConcurrency", out _));
    }

    [Fact]
    public async Task List_filters_by_function_and_event_source_arn()
    {
        await using var emulator = await RunningEmulator.StartAsync();
        await emulator.CreateAsync(Sqs);
        await emulator.CreateAsync("""{"FunctionName":"other","EventSourceArn":"arn:aws:sqs:us-east-1:123456789012:orders"}""");
        await emulator.CreateAsync("""{"FunctionName":"other","EventSourceArn":"arn:aws:sqs:us-east-1:123456789012:payments"}""");

        var (byFunction, functionPage) = await emulator.SendAsync(HttpMethod.Get, $"{Mappings}?FunctionName=other");
        var (_, sourcePage) = await emulator.SendAsync(HttpMethod.Get,
            $"{Mappings}?EventSourceArn={Uri.EscapeDataString("arn:aws:sqs:us-east-1:123456789012:orders")}");
        var (_, bothPage) = await emulator.SendAsync(HttpMethod.Get,
            $"{Mappings}?FunctionName=other&EventSourceArn={Uri.EscapeDataString("arn:aws:sqs:us-east-1:123456789012:orders")}");

        Assert.Equal(HttpStatusCode.OK, byFunction.StatusCode);
        Assert.Equal(2, functionPage.GetProperty("EventSourceMappings").GetArrayLength());
        Assert.Equal(2, sourcePage.GetProperty("EventSourceMappings").GetArrayLength());
        Assert.Equal(1, bothPage.GetProperty("EventSourceMappings").GetArrayLength());
        Assert.False(functionPage.TryGetProperty("NextMarker", out _));

        // Some clients send the collection path with a trailing slash.
        var (slash, slashPage) = await emulator.SendAsync(HttpMethod.Get, $"{Mappings}/?FunctionName=other");
        Assert.Equal(HttpStatusCode.OK, slash.StatusCode);
        Assert.Equal(2, slashPage.GetProperty("EventSourceMappings").GetArrayLength());
    }

    [Fact]
    public async Task Paging_over_250_mappings_returns_each_once_at_most_100_a_page()
    {
        await using var emulator = await RunningEmulator.StartAsync();
        for (var i = 0; i < 250; i++)
            await emulator.CreateAsync($$"""{"FunctionName":"f{{i}}","EventSourceArn":"arn:aws:sqs:us-east-1:123456789012:q{{i}}"}""");

        foreach (var maxItems in new int?[] { null, 7, 100, 10000 })
        {
            var seen = new List<string>();
            string? marker = null;
            for (var pages = 0; pages < 100; pages++)
            {
                var query = string.Join("&", new[]
                {
                    maxItems is { } m ? $"MaxItems={m}" : null,
                    marker is not null ? $"Marker={Uri.EscapeDataString(marker)}" : null,
                }.Where(p => p is not null));
                var (response, page) = await emulator.SendAsync(HttpMethod.Get, $"{Mappings}?{query}");
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                var items = page.GetProperty("EventSourceMappings");
                Assert.InRange(items.GetArrayLength(), 1, Math.Min(maxItems ?? 100, 100));
                seen.AddRange(items.EnumerateArray().Select(e => e.GetProperty("UUID").GetString()!));
                marker = page.TryGetProperty("NextMarker", out var next) ? next.GetString() : null;
                if (marker is null) break;
            }
            Assert.Null(marker);
            Assert.Equal(250, seen.Count);
            Assert.Equal(250, seen.Distinct().Count());
        }
    }

    [Fact]
    public async Task Tags_work_on_the_url_encoded_mapping_arn()
    {
        await using var emulator = await RunningEmulator.StartAsync();
        var created = await emulator.CreateAsync(
            """{"FunctionName":"f","EventSourceArn":"arn:aws:sqs:us-east-1:123456789012:q","Tags":{"team":"a","old":"x"}}""");
        var arn = created.GetProperty("EventSourceMappingArn").GetString()!;
        var tags = RunningEmulator.Tags(arn);
        Assert.Contains("%3A", tags);

        var (listed, listBody) = await emulator.SendAsync(HttpMethod.Get, tags);
        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
        Assert.Equal("""{"Tags":{"old":"x","team":"a"}}""", listBody.GetRawText());

        var (tagged, tagBody) = await emulator.SendAsync(HttpMethod.Post, tags, """{"Tags":{"team":"b","env":"prod"}}""");
        Assert.Equal(HttpStatusCode.NoContent, tagged.StatusCode);
        Assert.Equal(JsonValueKind.Undefined, tagBody.ValueKind);

        var (untagged, _) = await emulator.SendAsync(HttpMethod.Delete, tags + "?tagKeys=old&tagKeys=env");
        Assert.Equal(HttpStatusCode.NoContent, untagged.StatusCode);

        var (_, final) = await emulator.SendAsync(HttpMethod.Get, tags);
        Assert.Equal("""{"Tags":{"team":"b"}}""", final.GetRawText());

        // An unencoded ARN (colons are legal in a path segment) is the same resource.
        var (plain, plainBody) = await emulator.SendAsync(HttpMethod.Get, "2017-03-31/tags/" + arn);
        Assert.Equal(HttpStatusCode.OK, plain.StatusCode);
        Assert.Equal(final.GetRawText(), plainBody.GetRawText());
    }

    [Fact]
    public async Task Tags_of_an_unknown_mapping_are_not_found()
    {
        await using var emulator = await RunningEmulator.StartAsync();
        var (response, body) = await emulator.SendAsync(HttpMethod.Get,
            RunningEmulator.Tags("arn:aws:lambda:us-east-1:123456789012:event-source-mapping:00000000-0000-4000-8000-000000000000"));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("ResourceNotFoundException", body.GetProperty("__type").GetString());
    }
}
