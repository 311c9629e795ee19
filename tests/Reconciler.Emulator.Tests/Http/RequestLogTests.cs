using System.Net;
using System.Text.Json;
using Reconciler.Emulator.Http;
using Reconciler.Emulator.Tests.Support;
using Reconciler.Testing;

namespace Reconciler.Emulator.Tests.Http;

public sealed class RequestLogTests
{
    [Fact]
    public async Task The_log_is_served_and_reset_over_http_without_authentication()
    {
        await using var emulator = await RunningEmulator.StartAsync();
        await emulator.CreateAsync("""{"FunctionName":"f","EventSourceArn":"arn:aws:sqs:us-east-1:123456789012:q"}""");
        await emulator.SendAsync(HttpMethod.Get, "2015-03-31/event-source-mappings/00000000-0000-4000-8000-000000000000");
        using var plain = new HttpClient { BaseAddress = emulator.Server.BaseAddress };

        var health = await plain.GetAsync("_emulator/health");
        var requests = JsonDocument.Parse(await plain.GetStringAsync("_emulator/requests")).RootElement.GetProperty("Requests");

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(2, requests.GetArrayLength());
        var create = requests[0];
        Assert.Equal("CreateEventSourceMapping", create.GetProperty("Operation").GetString());
        Assert.Equal("POST", create.GetProperty("Method").GetString());
        Assert.Equal("/2015-03-31/event-source-mappings", create.GetProperty("Path").GetString());
        Assert.Equal(202, create.GetProperty("Status").GetInt32());
        Assert.True(create.GetProperty("Mutating").GetBoolean());
        Assert.Equal(JsonValueKind.Null, create.GetProperty("ErrorCode").ValueKind);
        var get = requests[1];
        Assert.Equal("GetEventSourceMapping", get.GetProperty("Operation").GetString());
        Assert.Equal(404, get.GetProperty("Status").GetInt32());
        Assert.Equal("ResourceNotFoundException", get.GetProperty("ErrorCode").GetString());
        Assert.False(get.GetProperty("Mutating").GetBoolean());

        var reset = await plain.PostAsync("_emulator/reset-log", null);
        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
        Assert.Empty(emulator.Server.RequestLog.Snapshot());
        var after = JsonDocument.Parse(await plain.GetStringAsync("_emulator/requests")).RootElement.GetProperty("Requests");
        Assert.Equal(0, after.GetArrayLength());
    }

    [Fact]
    public async Task Non_loopback_binds_are_refused_unless_allowed()
    {
        var controlPlane = Planes.InMemory(new ManualTimeProvider());
        await using var server = new EmulatorServer(controlPlane);
        await Assert.ThrowsAsync<ArgumentException>(() => server.StartAsync("0.0.0.0", 0));
        await Assert.ThrowsAsync<ArgumentException>(() => server.StartAsync("example.com", 0));
    }

    [Fact]
    public async Task Localhost_and_ipv4_loopback_bind_and_report_the_port()
    {
        var controlPlane = Planes.InMemory(new ManualTimeProvider());
        await using var server = new EmulatorServer(controlPlane);
        var address = await server.StartAsync("localhost", 0);
        Assert.Equal("127.0.0.1", address.Host);
        Assert.NotEqual(0, address.Port);
        await server.StopAsync();
    }
}
