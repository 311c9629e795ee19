using Esmctl.Commands;
using Esmctl.Daemon;
using Esmctl.Tests.Daemon;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Esmctl.Tests.Distribution;

/// <summary>The image's HEALTHCHECK: `esmctl healthcheck` asks a daemon's /healthz.</summary>
public sealed class HealthcheckCommandTests
{
    [Fact]
    public async Task Exits_0_for_a_live_daemon_and_1_when_nothing_answers()
    {
        var tick = new ScriptedTick();
        // Ticks end at once: a stop then has no tick in flight to give its 30 s of shutdown grace.
        tick.AnswerAllWith(new TickOutcome(TickResult.Succeeded));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Paths:0"] = "manifests",
            ["Listen"] = "127.0.0.1:0",
        }).Build();
        await using var app = DaemonHost.Build(configuration, _ => tick, services => services.AddSingleton<IManifestWatcher>(new ManualWatcher()));
        await app.StartAsync().WaitAsync(TestTimeouts.Wait);
        var address = new Uri(Assert.Single(app.Urls));
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };

        var (code, output, error) = await Check($"0.0.0.0:{address.Port}", http);
        Assert.True(code == 0, error);
        Assert.Contains($"http://127.0.0.1:{address.Port}/healthz: ok", output);

        await app.StopAsync();
        (code, _, error) = await Check($"127.0.0.1:{address.Port}", http);
        Assert.Equal(1, code);
        Assert.StartsWith($"error: http://127.0.0.1:{address.Port}/healthz did not answer", error);

        (code, _, error) = await Check("nonsense", http);
        Assert.Equal(1, code);
        Assert.Contains("is not host:port", error);
    }

    private static async Task<(int Code, string Out, string Error)> Check(string listen, HttpClient http)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await HealthcheckCommand.RunAsync(listen, http, new CommandConsole(output, error, TextReader.Null, false), CancellationToken.None);
        return (code, output.ToString(), error.ToString());
    }
}
