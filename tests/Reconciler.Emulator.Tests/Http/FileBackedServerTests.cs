using System.Net;
using System.Text.Json;
using Reconciler.Core.Api;
using Reconciler.Emulator.Http;
using Reconciler.Emulator.Persistence;
using Reconciler.Emulator.Tests.Persistence;
using Reconciler.Emulator.Tests.Support;
using Reconciler.Testing;

namespace Reconciler.Emulator.Tests.Http;

public sealed class FileBackedServerTests
{
    [Fact]
    public async Task A_server_over_a_state_file_shares_state_with_the_local_target()
    {
        using var folder = new TempFolder();
        var time = new ManualTimeProvider(Planes.Start);
        var served = new FileBackedControlPlane(folder.StatePath, time: time);
        await using var server = new EmulatorServer(served, new EmulatorServerOptions { AccountId = "210987654321" });
        using var client = new HttpClient { BaseAddress = await server.StartAsync() };
        client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", RunningEmulator.Authorization);

        var response = await client.PostAsync("2015-03-31/event-source-mappings",
            RunningEmulator.Json("""{"FunctionName":"f","EventSourceArn":"arn:aws:sqs:us-east-1:123456789012:q","Tags":{"a":"b"}}"""));
        var uuid = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("UUID").GetString()!;

        // Another process (here: another instance) reading the same file sees the mapping the server created.
        var local = new FileBackedControlPlane(folder.StatePath, time: time);
        var mapping = await local.GetAsync(uuid, CancellationToken.None);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("arn:aws:sqs:us-east-1:123456789012:q", mapping.Configuration.EventSourceArn);
        Assert.Equal("b", (await local.ListTagsAsync(mapping.EventSourceMappingArn, CancellationToken.None))["a"]);
        await Assert.ThrowsAsync<LambdaApiException>(() => local.GetAsync("00000000-0000-4000-8000-000000000000", CancellationToken.None));

        var identity = await client.PostAsync("/", new FormUrlEncodedContent(new Dictionary<string, string> { ["Action"] = "GetCallerIdentity", ["Version"] = "2011-06-15" }));
        Assert.Contains("<Account>210987654321</Account>", await identity.Content.ReadAsStringAsync());
    }
}
