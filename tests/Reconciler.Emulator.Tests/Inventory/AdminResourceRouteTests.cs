using System.Net;
using System.Text;
using System.Text.Json;
using Reconciler.Emulator.ControlPlane;
using Reconciler.Emulator.Http;
using Reconciler.Emulator.Inventory;
using Reconciler.Emulator.Tests.Http;
using Reconciler.Emulator.Tests.Support;
using Reconciler.Testing;

namespace Reconciler.Emulator.Tests.Inventory;

/// <summary>/_emulator/resources: what a test or script outside the process uses to declare functions and sources.</summary>
public sealed class AdminResourceRouteTests
{
    private static async Task<(EmulatorServer Server, HttpClient Client)> StartAsync(ResourceInventory? inventory)
    {
        var plane = new EmulatedControlPlane(new ControlPlaneOptions(), new ManualTimeProvider(Planes.Start), UuidSources.Seeded(7), inventory);
        var server = new EmulatorServer(plane);
        var client = new HttpClient { BaseAddress = await server.StartAsync() };
        client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", RunningEmulator.Authorization);
        return (server, client);
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    [Fact]
    public async Task Declared_functions_and_sources_make_a_create_succeed()
    {
        var (server, client) = await StartAsync(new ResourceInventory());
        await using var _ = server;
        const string create = """{"FunctionName":"f:live","EventSourceArn":"arn:aws:sqs:us-east-1:123456789012:q"}""";

        var before = await client.PostAsync("2015-03-31/event-source-mappings", Json(create));
        var declared = await client.PostAsync("_emulator/resources",
            Json("""{"functions":[{"name":"f","aliases":["live"]}],"queues":["arn:aws:sqs:us-east-1:123456789012:q"]}"""));
        var after = await client.PostAsync("2015-03-31/event-source-mappings", Json(create));

        Assert.Equal(HttpStatusCode.BadRequest, before.StatusCode);
        Assert.Equal(HttpStatusCode.OK, declared.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, after.StatusCode);
        using var shown = JsonDocument.Parse(await client.GetStringAsync("_emulator/resources"));
        Assert.Equal("arn:aws:lambda:us-east-1:123456789012:function:f", shown.RootElement.GetProperty("functions")[0].GetProperty("name").GetString());
    }

    [Fact]
    public async Task Put_replaces_and_a_bad_document_is_400_naming_the_problem()
    {
        var (server, client) = await StartAsync(new ResourceInventory().AddFunction("old"));
        await using var _ = server;

        var bad = await client.PutAsync("_emulator/resources", Json("""{"functions":["f:1"]}"""));
        var replaced = await client.PutAsync("_emulator/resources", Json("""{"functions":["new"]}"""));

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("without a qualifier", await bad.Content.ReadAsStringAsync());
        using var shown = JsonDocument.Parse(await replaced.Content.ReadAsStringAsync());
        Assert.Equal(["arn:aws:lambda:us-east-1:123456789012:function:new"],
            shown.RootElement.GetProperty("functions").EnumerateArray().Select(f => f.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task Without_strict_resources_the_route_says_everything_exists()
    {
        var (server, client) = await StartAsync(null);
        await using var _ = server;

        var shown = await client.GetStringAsync("_emulator/resources");
        var declare = await client.PostAsync("_emulator/resources", Json("""{"functions":["f"]}"""));

        Assert.Contains("\"StrictResources\":false", shown);
        Assert.Equal(HttpStatusCode.Conflict, declare.StatusCode);
    }
}
