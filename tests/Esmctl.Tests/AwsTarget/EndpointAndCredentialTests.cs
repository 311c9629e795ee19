using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Esmctl.Tests.Support;

namespace Esmctl.Tests.AwsTarget;

/// <summary>Where esmctl sends its calls without --endpoint-url, and what it says when it has no credentials.</summary>
public sealed class EndpointAndCredentialTests : IDisposable
{
    private const string SecretCanary = "CANARY-SECRET-wJalrXUtnFEMI-esmctl-e2e";
    private const string TokenCanary = "CANARY-SESSION-TOKEN-esmctl-e2e";
    private readonly TempWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task The_SDK_standard_per_service_endpoint_variables_point_lambda_and_sts_at_the_emulator()
    {
        await using var emulator = await EmulatorHarness.StartAsync();
        var env = new Dictionary<string, string?>(EmulatorHarness.AwsEnvironment(SecretCanary))
        {
            ["AWS_SESSION_TOKEN"] = TokenCanary,
            ["AWS_ENDPOINT_URL_LAMBDA"] = emulator.Url.ToString(),
            ["AWS_ENDPOINT_URL_STS"] = emulator.Url.ToString(),
        };

        var apply = await InProcessEsmctl.With(env).RunAsync(["apply", _workspace.Manifests, "--auto-approve", "--target", "aws"]);

        Assert.True(apply.ExitCode == 0, apply.Stdout + apply.Stderr);
        Assert.Equal(1, emulator.Requests("GetCallerIdentity"));
        Assert.Equal(9, emulator.Requests("CreateEventSourceMapping"));
        Assert.Equal(9, (await emulator.MappingsAsync()).Count);
        Assert.DoesNotContain(SecretCanary, apply.Stdout + apply.Stderr);
        Assert.DoesNotContain(TokenCanary, apply.Stdout + apply.Stderr);
    }

    /// <summary>A process test: the AWS SDK's credential chain reads the process's environment and files.</summary>
    [Fact]
    [ProcessTest(ProcessReason.Credentials)]
    public async Task With_an_endpoint_override_and_no_credentials_it_fails_fast_and_says_what_to_set()
    {
        await using var emulator = await EmulatorHarness.StartAsync();
        var env = new Dictionary<string, string?>(EmulatorHarness.AwsEnvironment())
        {
            ["AWS_ACCESS_KEY_ID"] = null,
            ["AWS_SECRET_ACCESS_KEY"] = null,
            ["AWS_SESSION_TOKEN"] = null,
            ["AWS_WEB_IDENTITY_TOKEN_FILE"] = null,
            ["AWS_CONTAINER_CREDENTIALS_RELATIVE_URI"] = null,
            ["AWS_CONTAINER_CREDENTIALS_FULL_URI"] = null,
            // Let the chain reach instance metadata, but on a loopback port nobody listens on: the test must
            // never leave this machine, and must show that a dead metadata service does not make esmctl hang.
            ["AWS_EC2_METADATA_DISABLED"] = null,
            ["AWS_EC2_METADATA_SERVICE_ENDPOINT"] = $"http://127.0.0.1:{ClosedPort()}",
        };
        var clock = Stopwatch.StartNew();

        var plan = EsmctlProcess.Run(_workspace.Root, env, null, ["plan", "manifests", .. emulator.TargetArguments]);

        clock.Stop();
        Assert.True(plan.ExitCode == 1, plan.Stdout + plan.Stderr);
        Assert.Contains("No AWS credentials", plan.Stderr);
        Assert.Contains("AWS_ACCESS_KEY_ID", plan.Stderr);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"took {clock.Elapsed}");
        Assert.Equal(0, emulator.Requests("ListEventSourceMappings"));
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
