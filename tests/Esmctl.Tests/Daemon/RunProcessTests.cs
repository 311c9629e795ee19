using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Esmctl.Tests.Support;

namespace Esmctl.Tests.Daemon;

/// <summary>The real `esmctl run` process against the local target: converge, follow an edit, stop on SIGTERM.
/// Real time, so every wait is bounded and polls rather than sleeps on a guess.</summary>
[ProcessTest(ProcessReason.Signals)]
public sealed class RunProcessTests
{
    private static readonly TimeSpan ConvergeTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan PollEvery = TimeSpan.FromMilliseconds(200);

    [Fact]
    public async Task Converges_follows_an_edit_serves_metrics_and_exits_0_on_SIGTERM()
    {
        Assert.True(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS(), "the test sends SIGTERM with kill(1)");
        using var workspace = new TempWorkspace();
        var manifestCount = Directory.GetFiles(workspace.Manifests, "*.yaml").Length;
        var statePath = Path.Combine(workspace.Root, "state.json");
        var port = FreePort();

        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workspace.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[]
        {
            Path.Combine(AppContext.BaseDirectory, "esmctl.dll"), "run", workspace.Manifests,
            "--target", $"local:{statePath}", "--listen", $"127.0.0.1:{port}", "--interval", "2s",
        })
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment["NO_COLOR"] = "1";

        using var process = Process.Start(start)!;
        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) output.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) output.Enqueue(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(5) };

            var converged = await PollStatusAsync(http, status => Converged(status, manifestCount), process, output);
            Assert.Equal(manifestCount, ManagedIn(statePath));

            var editedAfterTick = converged.GetProperty("ticks").GetInt64();
            var manifest = workspace.Manifest("sqs-standard.yaml");
            var text = File.ReadAllText(manifest);
            Assert.Contains("batchSize: 50", text, StringComparison.Ordinal);
            File.WriteAllText(manifest, text.Replace("batchSize: 50", "batchSize: 20", StringComparison.Ordinal));

            // Two ticks at least: one applies the update, a later one finds nothing left to do.
            await PollStatusAsync(http,
                status => status.GetProperty("ticks").GetInt64() >= editedAfterTick + 2
                    && Converged(status, manifestCount)
                    && BatchSizeIn(statePath, "orders-to-processor") == 20,
                process, output);

            var metrics = await http.GetStringAsync("/metrics");
            Assert.Contains("esmctl_ticks_total{result=\"succeeded\"}", metrics, StringComparison.Ordinal);
            Assert.Contains("esmctl_api_requests_total{operation=\"UpdateEventSourceMapping\",code=\"OK\"} 1", metrics, StringComparison.Ordinal);

            using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                Assert.True(kill.WaitForExit(TimeSpan.FromSeconds(10)));
            }
            Assert.True(process.WaitForExit(TimeSpan.FromSeconds(30)), "esmctl run did not exit within 30 s of SIGTERM");
            process.WaitForExit(); // drain the redirected output
            Assert.True(process.ExitCode == 0, $"exit code {process.ExitCode}; output:\n{string.Join('\n', output)}");
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }
    }

    private static bool Converged(JsonElement status, int mappings) =>
        status.TryGetProperty("lastTick", out var tick) && tick.ValueKind == JsonValueKind.Object
        && tick.GetProperty("result").GetString() == "succeeded"
        && status.TryGetProperty("plan", out var plan) && plan.ValueKind == JsonValueKind.Object
        && plan.GetProperty("summary") is var summary
        && summary.GetProperty("noop").GetInt32() == mappings
        && new[] { "create", "update", "replace", "delete", "adopt" }.All(kind => summary.GetProperty(kind).GetInt32() == 0);

    private static async Task<JsonElement> PollStatusAsync(
        HttpClient http, Func<JsonElement, bool> done, Process process, System.Collections.Concurrent.ConcurrentQueue<string> output)
    {
        var deadline = Stopwatch.StartNew();
        string last = "(no answer yet)";
        while (deadline.Elapsed < ConvergeTimeout)
        {
            Assert.False(process.HasExited, $"esmctl run exited early ({(process.HasExited ? process.ExitCode : 0)}):\n{string.Join('\n', output)}");
            try
            {
                last = await http.GetStringAsync("/status");
                var status = JsonDocument.Parse(last).RootElement.Clone();
                if (done(status)) return status;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(PollEvery);
        }
        Assert.Fail($"not converged within {ConvergeTimeout.TotalSeconds} s; last status:\n{last}\noutput:\n{string.Join('\n', output)}");
        return default;
    }

    private static int ManagedIn(string statePath) => Mappings(statePath).Count();

    private static int? BatchSizeIn(string statePath, string name)
    {
        var mapping = Mappings(statePath).FirstOrDefault(m =>
            m.GetProperty("tags").TryGetProperty("esmctl:name", out var tag) && tag.GetString() == name);
        return mapping.ValueKind == JsonValueKind.Object && mapping.GetProperty("configuration").TryGetProperty("BatchSize", out var size)
            ? size.GetInt32()
            : null;
    }

    private static IEnumerable<JsonElement> Mappings(string statePath)
    {
        if (!File.Exists(statePath)) return [];
        try
        {
            return JsonDocument.Parse(File.ReadAllText(statePath)).RootElement.GetProperty("mappings").EnumerateArray().Select(m => m.Clone()).ToList();
        }
        catch (Exception e) when (e is JsonException or IOException)
        {
            // Caught mid-write by another process (the file is replaced atomically, but be safe): read it next poll.
            return [];
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
