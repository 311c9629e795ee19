using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Esmctl.Commands;
using Esmctl.Daemon;
using Esmctl.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Reconciler.Core.Model;
using Reconciler.Emulator.ControlPlane;
using Reconciler.Emulator.Http;
using static Esmctl.Tests.Daemon.PrometheusTextParser;

namespace Esmctl.Tests.Daemon;

/// <summary>
/// `esmctl run` over an esmctl.yaml of two targets, two HTTP emulators in two accounts and regions, one of them down at
/// start: the other converges on its own schedule, the one down backs off alone and converges once it is up; /status,
/// /readyz, the metrics and the logs name each target and each drifted mapping and field. In process, real sockets, a
/// clock the test moves (no sleeps); and `run --endpoint-url` converging the emulator as plan and apply would.
/// </summary>
public sealed class MultiTargetDaemonTests : IAsyncLifetime
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "esmctl-daemon-multi-" + Guid.NewGuid().ToString("N"));
    private readonly SignallingTimeProvider _clock = new();
    private readonly RecordingLoggerProvider _logs = new();
    private readonly int _westPort = FreePort();
    private EmulatorHarness _east = null!;
    private EmulatedControlPlane _westControlPlane = null!;
    private EmulatorServer? _west;

    private string Manifests => Path.Combine(_root, "manifests");

    public async Task InitializeAsync()
    {
        _east = await EmulatorHarness.StartAsync(
            new EmulatorServerOptions { AccountId = "111111111111" },
            new ControlPlaneOptions { AccountId = "111111111111", Region = "us-east-1" });
        _westControlPlane = new EmulatedControlPlane(new ControlPlaneOptions { AccountId = "222222222222", Region = "eu-west-1" }, TimeProvider.System);
        Directory.CreateDirectory(Manifests);
        File.WriteAllText(Path.Combine(Manifests, "esmctl.yaml"), $"""
            targets:
              - name: east
                region: us-east-1
                account: "111111111111"
                endpointUrl: {_east.Url.ToString().TrimEnd('/')}
              - name: west
                region: eu-west-1
                account: "222222222222"
                endpointUrl: http://127.0.0.1:{_westPort}
            """);
        Manifest("orders-east", "111111111111", "us-east-1");
        Manifest("orders-west", "222222222222", "eu-west-1");
    }

    public async Task DisposeAsync()
    {
        await _east.DisposeAsync();
        if (_west is not null) await _west.DisposeAsync();
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public async Task Every_target_converges_on_its_own_and_one_that_is_down_never_stalls_the_other()
    {
        var services = (InProcessEsmctl.Default with { Time = _clock }).Services(TextWriter.Null, TextWriter.Null, TextReader.Null);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Paths:0"] = Manifests,
            ["Listen"] = "127.0.0.1:0",
        }).Build();
        await using var app = DaemonHost.Build(configuration, options => DaemonTargets.For(options, services), host => host
            .AddSingleton<TimeProvider>(_clock)
            .AddSingleton<Func<double>>(() => 0.0)
            .AddSingleton<IManifestWatcher>(new ManualWatcher())
            .AddSingleton<ILoggerProvider>(_logs));
        await app.StartAsync().WaitAsync(TestTimeouts.Wait);
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri(Assert.Single(app.Urls)) };

            // Both loops tick at start: east converges and waits its interval; west cannot be reached and backs off.
            Assert.Equal([TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(60)], (await TimersAsync(2)).Order());
            Assert.Equal(["orders-east"], await OwnedNamesAsync(_east.ControlPlane));
            var status = await StatusAsync(http);
            Assert.False(status.GetProperty("ready").GetBoolean());
            var east = Target(status, "east");
            Assert.Equal("succeeded", east.GetProperty("lastTick").GetProperty("result").GetString());
            Assert.Equal("111111111111", east.GetProperty("target").GetProperty("account").GetString());
            Assert.Equal("esmctl", east.GetProperty("target").GetProperty("owner").GetString());
            var drifted = Assert.Single(east.GetProperty("drift").EnumerateArray());
            Assert.Equal("orders-east", drifted.GetProperty("mapping").GetString());
            Assert.Equal("create", drifted.GetProperty("action").GetString());
            var west = Target(status, "west");
            Assert.Equal(("222222222222", "eu-west-1"), (west.GetProperty("account").GetString(), west.GetProperty("region").GetString()));
            Assert.Equal(JsonValueKind.Null, west.GetProperty("target").ValueKind);
            Assert.Equal("failed", west.GetProperty("lastTick").GetProperty("result").GetString());
            Assert.Equal(1, west.GetProperty("consecutiveFailures").GetInt32());
            Assert.Contains($"127.0.0.1:{_westPort}", west.GetProperty("lastTick").GetProperty("error").GetString(), StringComparison.Ordinal);
            var notReady = await http.GetAsync("/readyz");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, notReady.StatusCode);
            Assert.Equal("target west: no successful tick yet", (await notReady.Content.ReadAsStringAsync()).Split(" (")[0]);

            // West comes up; its backoff runs out first, and it converges while east still waits for its interval.
            _west = new EmulatorServer(_westControlPlane, new EmulatorServerOptions { AccountId = "222222222222" });
            await _west.StartAsync("127.0.0.1", _westPort);
            _clock.Advance(TimeSpan.FromSeconds(5));
            Assert.Equal(TimeSpan.FromSeconds(60), Assert.Single(await TimersAsync(1)));
            Assert.Equal(["orders-west"], await OwnedNamesAsync(_westControlPlane));
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/readyz")).StatusCode);

            // Someone changes east's mapping by hand: its next tick names the mapping and the field, and repairs it.
            var live = (await _east.MappingsAsync()).Single().Mapping;
            await _east.ControlPlane.UpdateAsync(live.Uuid, new MappingConfiguration { BatchSize = 5 }, CancellationToken.None);
            _clock.Advance(TimeSpan.FromSeconds(55));
            Assert.Equal(TimeSpan.FromSeconds(60), Assert.Single(await TimersAsync(1)));
            status = await StatusAsync(http);
            drifted = Assert.Single(Target(status, "east").GetProperty("drift").EnumerateArray());
            Assert.Equal("update", drifted.GetProperty("action").GetString());
            Assert.Equal(["batchSize"], drifted.GetProperty("fields").EnumerateArray().Select(f => f.GetString()));
            Assert.Equal(10, (await _east.MappingsAsync()).Single().Mapping.Configuration.BatchSize);

            var (_, samples) = Parse(await http.GetStringAsync("/metrics"));
            Assert.Equal(2, Value(samples, "esmctl_ticks_total", ("target", "east"), ("result", "succeeded")));
            Assert.Equal(1, Value(samples, "esmctl_ticks_total", ("target", "west"), ("result", "failed")));
            Assert.Equal(1, Value(samples, "esmctl_drifted_mappings", ("target", "east")));

            var logs = _logs.Lines;
            Assert.Contains(logs, l => l.StartsWith($"Reconciling {Manifests} on target east every 1m", StringComparison.Ordinal) && l.EndsWith("(observe-only: off, prune: off, owner: esmctl)", StringComparison.Ordinal));
            Assert.Contains(logs, l => l == $"[east] Target: aws ({_east.Url}), account 111111111111, region us-east-1, owner esmctl, prune off");
            Assert.Contains(logs, l => l == "Tick 1 [east] drifted: orders-east (create)");
            Assert.Contains(logs, l => l == "Tick 2 [east] drifted: orders-east (update batchSize)");
            // Where the endpoints are, as bound (port 0 in the configuration).
            Assert.Contains(logs, l => l == $"Serving /healthz, /readyz, /metrics and /status on {Assert.Single(app.Urls)}");
            // And what the tick did about it.
            Assert.Contains(logs, l => l == "Tick 1 [east] actions: 1 create succeeded");
            Assert.Contains(logs, l => l == "Tick 2 [east] actions: 1 update succeeded");
            Assert.Contains(logs, l => l.StartsWith("Tick 1 [west] failed: ", StringComparison.Ordinal) && l.Contains("next attempt in 5s", StringComparison.Ordinal));
        }
        finally
        {
            await app.StopAsync().WaitAsync(TestTimeouts.Wait);
        }
    }

    [Fact]
    public async Task Run_with_endpoint_url_converges_the_emulator_with_the_options_of_plan_and_apply()
    {
        await using var emulator = await EmulatorHarness.StartAsync();
        using var workspace = new TempWorkspace();
        var services = (InProcessEsmctl.Default with { Time = _clock }).Services(TextWriter.Null, TextWriter.Null, TextReader.Null);
        using var stop = new CancellationTokenSource();
        var command = RunCommand.Create(services);
        var parsed = command.Parse([workspace.Manifests, "--target", "aws", "--endpoint-url", emulator.Url.ToString(), "--region", "us-east-1",
            "--max-rps", "0", "--max-deletes", "3", "--owner", "platform-prod", "--listen", "127.0.0.1:0"]);
        Assert.Empty(parsed.Errors);

        var running = parsed.InvokeAsync(new System.CommandLine.InvocationConfiguration { Output = TextWriter.Null, Error = TextWriter.Null }, stop.Token);
        Assert.Equal(TimeSpan.FromSeconds(60), await _clock.NextTimerAsync());

        var mappings = await emulator.MappingsAsync();
        Assert.Equal(9, mappings.Count);
        Assert.All(mappings, m => Assert.Equal("platform-prod", m.Tags[ManagedTags.ManagedBy]));
        await stop.CancelAsync();
        Assert.Equal(ExitCodes.Success, await running.WaitAsync(TestTimeouts.Wait));
    }

    private async Task<List<TimeSpan>> TimersAsync(int count)
    {
        var timers = new List<TimeSpan>();
        for (var i = 0; i < count; i++) timers.Add(await _clock.NextTimerAsync());
        return timers;
    }

    private static async Task<JsonElement> StatusAsync(HttpClient http)
    {
        using var document = JsonDocument.Parse(await http.GetStringAsync("/status"));
        return document.RootElement.Clone();
    }

    private static JsonElement Target(JsonElement status, string name) =>
        status.GetProperty("targets").EnumerateArray().Single(t => t.GetProperty("name").GetString() == name);

    private static async Task<List<string>> OwnedNamesAsync(Reconciler.Core.Api.ILambdaMappingApi api)
    {
        var page = await api.ListAsync(new Reconciler.Core.Api.ListMappingsQuery(), CancellationToken.None);
        var names = new List<string>();
        foreach (var mapping in page.Mappings)
        {
            var tags = await api.ListTagsAsync(mapping.EventSourceMappingArn, CancellationToken.None);
            if (tags.GetValueOrDefault(ManagedTags.ManagedBy) == "esmctl") names.Add(tags[ManagedTags.Name]);
        }
        return names;
    }

    private void Manifest(string name, string account, string region) =>
        File.WriteAllText(Path.Combine(Manifests, name + ".yaml"), $"""
            apiVersion: esmctl/v1
            kind: EventSourceMapping
            metadata:
              name: {name}
              region: {region}
              account: "{account}"
            spec:
              functionName: order-processor
              eventSourceArn: arn:aws:sqs:{region}:{account}:orders
              batchSize: 10
            """);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
