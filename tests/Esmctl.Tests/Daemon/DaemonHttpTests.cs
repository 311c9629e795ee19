using Esmctl.Tests.Support;
using Reconciler.Core.Api;
using System.Net;
using System.Text.Json;
using Esmctl.Commands;
using Esmctl.Daemon;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using static Esmctl.Tests.Daemon.PrometheusTextParser;

namespace Esmctl.Tests.Daemon;

/// <summary>The real Kestrel endpoints on 127.0.0.1, a free port, real time; the tick is scripted.</summary>
public sealed class DaemonHttpTests
{
    private const string PlanJson = """{"formatVersion":"1","summary":{"create":1},"actions":[{"kind":"create","mapping":"orders"}]}""";

    [Fact]
    public async Task Serves_health_readiness_metrics_and_status_on_loopback()
    {
        var tick = new ScriptedTick();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Paths:0"] = "manifests",
            ["Listen"] = "127.0.0.1:0",
        }).Build();
        await using var app = DaemonHost.Build(configuration, _ => tick, services => services.AddSingleton<IManifestWatcher>(new ManualWatcher()));
        await app.StartAsync().WaitAsync(TestTimeouts.Wait);
        try
        {
            var address = new Uri(Assert.Single(app.Urls));
            Assert.Equal(IPAddress.Loopback.ToString(), address.Host);
            Assert.NotEqual(0, address.Port);
            using var http = new HttpClient { BaseAddress = address };

            var firstTick = await tick.NextCallAsync();
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/healthz")).StatusCode);
            var notReady = await http.GetAsync("/readyz");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, notReady.StatusCode);
            Assert.Contains("no successful tick yet", await notReady.Content.ReadAsStringAsync());

            var status = app.Services.GetRequiredService<DaemonLoops>().Loops[0].Status;
            var ticked = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            status.Changed += s => { if (s.TickCount >= 1) ticked.TrySetResult(); };
            firstTick.Complete(new TickOutcome(TickResult.Succeeded)
            {
                PlanJson = PlanJson,
                ManagedMappings = 1,
                DriftedMappings = 1,
                ApiRequests = [new ApiRequestCount("ListEventSourceMappings", ApiRequestCount.Ok, 1)],
            });
            await ticked.Task.WaitAsync(TestTimeouts.Wait);

            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/readyz")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/healthz")).StatusCode);

            var metrics = await http.GetAsync("/metrics");
            Assert.Equal("text/plain; version=0.0.4; charset=utf-8", metrics.Content.Headers.ContentType!.ToString());
            var (_, samples) = Parse(await metrics.Content.ReadAsStringAsync());
            Assert.Equal(1, Value(samples, "esmctl_ticks_total", ("result", "succeeded")));
            Assert.Equal(1, Value(samples, "esmctl_api_requests_total", ("operation", "ListEventSourceMappings"), ("code", "OK")));
            Assert.True(Value(samples, "esmctl_last_success_timestamp_seconds") > 0);

            var statusResponse = await http.GetAsync("/status");
            Assert.Equal("application/json", statusResponse.Content.Headers.ContentType!.MediaType);
            using var document = JsonDocument.Parse(await statusResponse.Content.ReadAsStringAsync());
            var root = document.RootElement;
            Assert.Equal("1", root.GetProperty("formatVersion").GetString());
            Assert.True(root.GetProperty("ready").GetBoolean());
            Assert.Equal("succeeded", root.GetProperty("lastTick").GetProperty("result").GetString());
            Assert.Equal("Startup", root.GetProperty("lastTick").GetProperty("reason").GetString());
            Assert.Equal(JsonSerializer.Serialize(JsonDocument.Parse(PlanJson).RootElement), JsonSerializer.Serialize(root.GetProperty("plan")));
        }
        finally
        {
            tick.AnswerAllWith(new TickOutcome(TickResult.Succeeded));
            await app.StopAsync().WaitAsync(TestTimeouts.Wait);
        }
    }

    [Fact]
    public async Task Run_refuses_a_non_loopback_address_without_the_allowance_and_exits_1()
    {
        var error = new StringWriter();
        var exit = await RunCommand.RunAsync(null,
            new Dictionary<string, string?> { ["Paths:0"] = "manifests", ["Listen"] = "0.0.0.0:0" },
            new Dictionary<string, string>(), _ => new ScriptedTick(), error, CancellationToken.None,
            services => services.AddSingleton<IManifestWatcher>(new ManualWatcher()));

        Assert.Equal(ExitCodes.Error, exit);
        Assert.Contains("not a loopback address", error.ToString());
    }

    [Fact]
    public async Task Run_stops_cleanly_with_exit_0_when_cancelled()
    {
        var tick = new ScriptedTick();
        using var stop = new CancellationTokenSource();
        var running = RunCommand.RunAsync(null,
            new Dictionary<string, string?> { ["Paths:0"] = "manifests", ["Listen"] = "127.0.0.1:0" },
            new Dictionary<string, string> { ["ESMCTL_LOG_FORMAT"] = "json" }, _ => tick, TextWriter.Null, stop.Token,
            services => services.AddSingleton<IManifestWatcher>(new ManualWatcher()));

        var first = await tick.NextCallAsync();
        Assert.Equal("json", first.Context.Options.LogFormat);
        first.Complete(TickResult.Succeeded);
        await stop.CancelAsync();

        Assert.Equal(ExitCodes.Success, await running.WaitAsync(TestTimeouts.Wait));
    }

    [Fact]
    public void The_command_rejects_unreadable_durations_and_unknown_log_formats_at_parse_time()
    {
        var command = RunCommand.Create(InProcessEsmctl.Default.Services(TextWriter.Null, TextWriter.Null, TextReader.Null));
        Assert.Contains(command.Parse("manifests --interval 5x").Errors, e => e.Message.Contains("is not a duration", StringComparison.Ordinal));
        Assert.NotEmpty(command.Parse("manifests --log-format xml").Errors);
        Assert.Empty(command.Parse("a b --interval 30s --observe-only --prune --owner team --listen 127.0.0.1:9464 --log-format json").Errors);
    }
}
