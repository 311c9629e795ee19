using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Reconciler.Emulator.ControlPlane;
using Reconciler.Emulator.Http;
using Reconciler.Emulator.Tests.Support;
using Reconciler.Testing;

namespace Reconciler.Emulator.Tests.Http;

/// <summary>An emulator server on a free loopback port over an in-memory control plane on a manual clock, and a
/// plain HttpClient that sends a (never verified) SigV4 Authorization header.</summary>
internal sealed class RunningEmulator : IAsyncDisposable
{
    public const string Authorization =
        "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260101/us-east-1/lambda/aws4_request, SignedHeaders=host, Signature=x";

    private RunningEmulator(EmulatedControlPlane controlPlane, EmulatorServer server, HttpClient client, ManualTimeProvider time)
    {
        ControlPlane = controlPlane;
        Server = server;
        Client = client;
        Time = time;
    }

    public EmulatedControlPlane ControlPlane { get; }
    public EmulatorServer Server { get; }
    public HttpClient Client { get; }
    public ManualTimeProvider Time { get; }

    public static async Task<RunningEmulator> StartAsync(FaultOptions? faults = null, TimeSpan? dwell = null, ManualTimeProvider? serverTime = null)
    {
        var time = new ManualTimeProvider(Planes.Start);
        var controlPlane = Planes.InMemory(time, dwell);
        var server = new EmulatorServer(controlPlane, new EmulatorServerOptions
        {
            Faults = faults ?? new FaultOptions(),
            Time = serverTime ?? time,
        });
        var address = await server.StartAsync("127.0.0.1", 0);
        var client = new HttpClient { BaseAddress = address };
        client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", Authorization);
        return new RunningEmulator(controlPlane, server, client, time);
    }

    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    public async Task<(HttpResponseMessage Response, JsonElement Body)> SendAsync(HttpMethod method, string path, string? json = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (json is not null) request.Content = Json(json);
        var response = await Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var body = text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
        return (response, body);
    }

    public async Task<JsonElement> CreateAsync(string json)
    {
        var (response, body) = await SendAsync(HttpMethod.Post, "2015-03-31/event-source-mappings", json);
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Accepted, $"Create answered {(int)response.StatusCode}: {body}");
        return body;
    }

    public static string Tags(string arn) => "2017-03-31/tags/" + Uri.EscapeDataString(arn);

    public static string? ErrorType(HttpResponseMessage response) =>
        response.Headers.TryGetValues("x-amzn-errortype", out var values) ? values.Single() : null;

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Server.DisposeAsync();
    }
}
