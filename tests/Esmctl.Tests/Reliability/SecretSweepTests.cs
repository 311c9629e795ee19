using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Esmctl.Aws;
using Esmctl.Tests.Support;

namespace Esmctl.Tests.Reliability;

/// <summary>
/// Issue 12, secrets never printed: a canary secret on a malformed line of the shared credentials file (the AWS SDK
/// quotes such a line in its messages) and a canary password in an endpoint URL's userinfo never reach the CLI's
/// output (with and without --debug), a saved plan, the daemon's logs, its /status or its /metrics.
/// </summary>
public sealed class SecretSweepTests : IDisposable
{
    private readonly TempWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    private static string NewCanary() => "CANARY" + Guid.NewGuid().ToString("N");

    private Dictionary<string, string?> MalformedCredentialsFile(string canary)
    {
        var file = Path.Combine(_workspace.Root, "aws-credentials");
        File.WriteAllText(file, $"[default]\naws_access_key_id = AKIDCANARY\naws_secret_access_key {canary}\n");
        return new Dictionary<string, string?>(EmulatorHarness.AwsEnvironment())
        {
            ["AWS_ACCESS_KEY_ID"] = null,
            ["AWS_SECRET_ACCESS_KEY"] = null,
            ["AWS_SHARED_CREDENTIALS_FILE"] = file,
        };
    }

    [Fact]
    [ProcessTest(ProcessReason.Credentials)]
    public async Task The_cli_says_the_file_and_line_and_never_the_secret_nor_an_endpoints_password()
    {
        await using var emulator = await EmulatorHarness.StartAsync();
        var canary = NewCanary();
        var withUserInfo = $"http://esmctl:{canary}@{emulator.Url.Authority}";
        var broken = MalformedCredentialsFile(canary);
        var debug = new Dictionary<string, string?>(broken) { ["ESMCTL_DEBUG"] = "1" };

        var outputs = new List<string>();
        var noCredentials = EsmctlRun.Run(_workspace.Root, broken, ["plan", "manifests", .. emulator.TargetArguments]);
        Assert.Equal(1, noCredentials.ExitCode);
        Assert.Contains("line 3 of " + broken["AWS_SHARED_CREDENTIALS_FILE"], noCredentials.Stderr);
        Assert.Single(noCredentials.Stderr.Trim().Split('\n'));
        outputs.Add(noCredentials.Output);
        outputs.Add(EsmctlRun.Run(_workspace.Root, debug, ["plan", "manifests", .. emulator.TargetArguments]).Output);
        outputs.Add(EsmctlRun.Run(_workspace.Root, broken, ["plan", "manifests", "--target", "aws", "--endpoint-url", withUserInfo, "--debug"]).Output);

        // With credentials that work: the password in the URL is in no output and not in the saved plan.
        var working = EmulatorHarness.AwsEnvironment();
        var saved = EsmctlRun.Run(_workspace.Root, working, ["plan", "manifests", "--target", "aws", "--endpoint-url", withUserInfo, "--out", "plan.json", "--stats"]);
        Assert.True(saved.ExitCode == 0, saved.Output);
        outputs.Add(saved.Output);
        // The same target as the plan (a saved plan names none it could be applied to by itself).
        outputs.Add(EsmctlRun.Run(_workspace.Root, working, ["apply", "plan.json", "--target", "aws", "--endpoint-url", withUserInfo, "--auto-approve", "--debug"]).Output);
        outputs.Add(EsmctlRun.Run(_workspace.Root, working, ["plan", "manifests", "--target", "aws", "--endpoint-url", withUserInfo, "-o", "json"]).Output);
        outputs.Add(EsmctlRun.Run(_workspace.Root, working, ["plan", "manifests", "--target", "aws", "--endpoint-url", "ftp://x:" + canary + "@host"]).Output);

        foreach (var output in outputs) Assert.DoesNotContain(canary, output);
        foreach (var file in Directory.EnumerateFiles(_workspace.Root, "*", SearchOption.AllDirectories).Where(f => !f.EndsWith("aws-credentials", StringComparison.Ordinal)))
            Assert.DoesNotContain(canary, File.ReadAllText(file));
        Assert.True(File.Exists(Path.Combine(_workspace.Root, "plan.json")));
    }

    [Fact]
    [ProcessTest(ProcessReason.Credentials)]
    public async Task The_daemon_logs_status_and_metrics_never_hold_the_secret()
    {
        await using var emulator = await EmulatorHarness.StartAsync();
        var canary = NewCanary();
        var port = FreePort();
        var environment = new Dictionary<string, string?>(MalformedCredentialsFile(canary))
        {
            ["AWS_ENDPOINT_URL"] = $"http://esmctl:{canary}@{emulator.Url.Authority}",
        };

        using var daemon = EsmctlRun.Start(_workspace.Root, environment,
            ["run", "manifests", "--target", "aws", "--listen", $"127.0.0.1:{port}", "--interval", "1s", "--log-format", "json"]);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(5) };
        string status = "", metrics = "";
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (DateTime.UtcNow < deadline && !daemon.HasExited)
        {
            try
            {
                status = await http.GetStringAsync("/status");
                if (JsonDocument.Parse(status).RootElement.GetProperty("lastTick").ValueKind == JsonValueKind.Object)
                {
                    metrics = await http.GetStringAsync("/metrics");
                    break;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            await Task.Delay(200);
        }
        var logs = daemon.Kill().Output;

        Assert.True(metrics.Length > 0, $"no tick within 60 s; status: {status}\nlogs:\n{logs}");
        Assert.Contains("line 3 of", status);
        Assert.DoesNotContain(canary, status);
        Assert.DoesNotContain(canary, metrics);
        Assert.DoesNotContain(canary, logs);
    }

    [Theory]
    [InlineData("http://user:pw@host:1/", "http://host:1/")]
    [InlineData("https://user@host/", "https://host/")]
    [InlineData("http://host/", "http://host/")]
    [InlineData("not a url", "not a url")]
    // Text an error quotes because it is not a usable URL: no scheme (reads as scheme "admin"), another scheme, spaces.
    [InlineData("admin:pw@127.0.0.1:4599", "***@127.0.0.1:4599")]
    [InlineData("ftp://admin:pw@host/", "ftp://host/")]
    [InlineData("http://admin:p w@host:1/x", "http://host:1/x")]
    [InlineData("http://host/a@b", "http://host/a@b")]
    public void RedactedUrl_drops_userinfo(string url, string expected) => Assert.Equal(expected, RedactedUrl.Of(url));

    [Fact]
    public void SecretText_keeps_file_and_line_and_drops_the_lines_text_and_urls_passwords()
    {
        var text = "Line 7:<aws_secret_access_key = S3CR3T\n> in file /x/credentials does not contain a section, property or comment. " +
            "Also http://me:pw@host:1/path and Line 2:<token S3CR3T2>.";
        var redacted = SecretText.Redact(text);
        Assert.Contains("line 7 of /x/credentials is not a section, property or comment", redacted);
        Assert.Contains("http://host:1/path", redacted);
        Assert.DoesNotContain("S3CR3T", redacted);
        Assert.DoesNotContain("pw@", redacted);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
