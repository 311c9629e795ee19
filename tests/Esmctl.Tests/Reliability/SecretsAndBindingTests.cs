using System.Net;
using Esmctl.Tests.Support;
using Reconciler.Emulator.ControlPlane;
using Reconciler.Emulator.Http;

namespace Esmctl.Tests.Reliability;

/// <summary>
/// Issue 7, secrets and binding: a canary secret in every credential source (AWS_SECRET_ACCESS_KEY,
/// AWS_SESSION_TOKEN, a shared credentials file profile) never appears in any output, error, log, file esmctl writes,
/// or the emulator's request log, over successful, faulty and failing runs; and the emulator refuses to bind beyond
/// loopback unless allowed.
/// </summary>
public sealed class SecretsAndBindingTests
{
    [Fact]
    [ProcessTest(ProcessReason.Credentials)]
    public async Task A_canary_secret_in_every_credential_source_never_leaks()
    {
        var canary = "CANARY" + Guid.NewGuid().ToString("N");
        var faults = new FaultOptions { ThrottleFraction = 0.2, ErrorFraction = 0.1, DropResponseFraction = 0.1, Seed = ReliabilityScale.Seed };
        await using var rig = await ReliabilityRig.StartAsync(faults, TimeSpan.Zero);
        new ManifestSpace(rig.Manifests, 6, ReliabilityScale.Seed);
        var credentials = Path.Combine(rig.Root, "aws-credentials");
        File.WriteAllText(credentials,
            $"[canary]\naws_access_key_id = AKIDCANARYFILE\naws_secret_access_key = {canary}-file\naws_session_token = {canary}-file-token\n");

        var fromEnvironment = new Dictionary<string, string?>(EmulatorHarness.AwsEnvironment($"{canary}-env"))
        {
            ["AWS_SESSION_TOKEN"] = $"{canary}-env-token",
        };
        var fromFile = new Dictionary<string, string?>(EmulatorHarness.AwsEnvironment())
        {
            ["AWS_ACCESS_KEY_ID"] = null,
            ["AWS_SECRET_ACCESS_KEY"] = null,
            ["AWS_SHARED_CREDENTIALS_FILE"] = credentials,
            ["AWS_PROFILE"] = "canary",
        };
        var closedPort = "http://127.0.0.1:9"; // discard port: nothing listens, every call fails

        var outputs = new List<string>();
        // In process: the environment's keys, through plan and apply under faults, and a failing run whose --debug
        // details (stack traces included) must not carry the secret either.
        var debug = new Dictionary<string, string?>(fromEnvironment) { ["ESMCTL_DEBUG"] = "1" };
        outputs.Add(rig.Run(fromEnvironment, ["plan", rig.Manifests, "-o", "json", "--stats", .. rig.FaultyTarget]).Output);
        outputs.Add(rig.Run(fromEnvironment, ["apply", rig.Manifests, "--auto-approve", "--stats", "--prune", .. rig.FaultyTarget]).Output);
        outputs.Add(rig.Run(debug, ["apply", rig.Manifests, "--auto-approve", "--target", "aws", "--endpoint-url", closedPort]).Output);
        // The binary: the SDK's chain reading a shared credentials file profile (the process's environment and files).
        var fromFileDebug = new Dictionary<string, string?>(fromFile) { ["ESMCTL_DEBUG"] = "1" };
        outputs.Add(EsmctlRun.Run(rig.Root, fromFileDebug, ["apply", rig.Manifests, "--auto-approve", "--stats", .. rig.CleanTarget]).Output);
        outputs.Add(EsmctlRun.Run(rig.Root, fromFile, ["plan", rig.Manifests, "--profile", "canary", .. rig.CleanTarget]).Output);

        // Every run authenticated with the canary (the emulator saw requests), and none printed it.
        Assert.NotEmpty(rig.Faulty.RequestLog.Snapshot());
        foreach (var output in outputs) Assert.DoesNotContain(canary, output);
        foreach (var file in Directory.EnumerateFiles(rig.Root, "*", SearchOption.AllDirectories).Where(f => f != credentials))
            Assert.DoesNotContain(canary, File.ReadAllText(file));
        using var http = new HttpClient { BaseAddress = rig.Faulty.BaseAddress };
        Assert.DoesNotContain(canary, await http.GetStringAsync("_emulator/requests"));
        ReliabilityFigures.Record("secrets", new { runs = outputs.Count, requests = rig.Faulty.RequestLog.Snapshot().Count });
    }

    [Theory]
    [InlineData("0.0.0.0")]
    [InlineData("::")]
    [InlineData("10.1.2.3")]
    public async Task The_emulator_refuses_a_non_loopback_address_unless_allowed(string host)
    {
        await using var server = new EmulatorServer(new EmulatedControlPlane());
        var refusal = await Assert.ThrowsAsync<ArgumentException>(() => server.StartAsync(host, 0));
        Assert.Contains("--allow-non-loopback", refusal.Message);
    }

    [Fact]
    public async Task The_emulator_binds_loopback_by_default_and_its_command_refuses_0_0_0_0()
    {
        await using (var server = new EmulatorServer(new EmulatedControlPlane()))
        {
            var url = await server.StartAsync(port: 0);
            Assert.True(IPAddress.IsLoopback(IPAddress.Parse(url.Host)), url.ToString());
        }

        var run = InProcessEsmctl.Default.Run("emulator", "--listen", "0.0.0.0:0");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("--allow-non-loopback", run.Stderr);
    }
}
