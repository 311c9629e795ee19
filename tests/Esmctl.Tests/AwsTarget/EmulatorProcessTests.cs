using System.Text.Json;
using Esmctl.Tests.Support;

namespace Esmctl.Tests.AwsTarget;

/// <summary>`esmctl emulator` as its own process on a free port, with esmctl (in process) talking to it, stopped by SIGTERM.</summary>
public sealed class EmulatorProcessTests : IDisposable
{
    private readonly TempWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    [ProcessTest(ProcessReason.Signals)]
    public async Task The_emulator_process_serves_an_apply_logs_it_and_stops_cleanly_on_SIGTERM()
    {
        using var server = await EsmctlServer.StartAsync("--listen", "127.0.0.1:0");
        Assert.NotEqual(0, server.Url.Port);
        Assert.Equal("127.0.0.1", server.Url.Host);
        var target = new[] { "--target", "aws", "--endpoint-url", server.Url.ToString().TrimEnd('/') };
        var env = EmulatorHarness.AwsEnvironment();

        var apply = await InProcessEsmctl.With(env).RunAsync(["apply", _workspace.Manifests, "--auto-approve", .. target]);
        var plan = await InProcessEsmctl.With(env).RunAsync(["plan", _workspace.Manifests, "--detailed-exitcode", .. target]);

        Assert.True(apply.ExitCode == 0, apply.Stdout + apply.Stderr);
        Assert.True(plan.ExitCode == 0, plan.Stdout + plan.Stderr);
        using (var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) })
        {
            using var log = JsonDocument.Parse(await http.GetStringAsync(new Uri(server.Url, "/_emulator/requests")));
            var operations = log.RootElement.GetProperty("Requests").EnumerateArray()
                .Select(r => r.GetProperty("Operation").GetString()).ToList();
            Assert.Equal(9, operations.Count(o => o == "CreateEventSourceMapping"));
            Assert.Equal(2, operations.Count(o => o == "GetCallerIdentity"));
        }

        Assert.Equal(0, server.Terminate(TimeSpan.FromSeconds(30)));
    }
}
