using Reconciler.Emulator.ControlPlane;
using Reconciler.Emulator.Http;

namespace Esmctl.Tests.Support;

/// <summary>
/// The HTTP emulator on 127.0.0.1 and a free port, in process, for tests that drive the real AWS client or the
/// real esmctl process with <c>--target aws --endpoint-url</c>. The control plane is reachable directly too, to
/// seed state or inspect it, and the server's request log counts what esmctl sent.
/// </summary>
public sealed class EmulatorHarness : IAsyncDisposable
{
    private EmulatorHarness(EmulatedControlPlane controlPlane, EmulatorServer server, Uri url)
    {
        ControlPlane = controlPlane;
        Server = server;
        Url = url;
    }

    public EmulatedControlPlane ControlPlane { get; }

    public EmulatorServer Server { get; }

    public Uri Url { get; }

    public static async Task<EmulatorHarness> StartAsync(
        EmulatorServerOptions? serverOptions = null, ControlPlaneOptions? controlPlaneOptions = null, TimeProvider? time = null)
    {
        var controlPlane = new EmulatedControlPlane(controlPlaneOptions ?? new ControlPlaneOptions(), time ?? TimeProvider.System);
        var server = new EmulatorServer(controlPlane, serverOptions ?? new EmulatorServerOptions());
        var url = await server.StartAsync("127.0.0.1", 0);
        return new EmulatorHarness(controlPlane, server, url);
    }

    /// <summary>Arguments that point esmctl at this emulator.</summary>
    public string[] TargetArguments => ["--target", "aws", "--endpoint-url", Url.ToString().TrimEnd('/')];

    /// <summary>
    /// An environment with static test credentials and nothing else from the developer's AWS set-up: no profile,
    /// no config files, no instance metadata, so the run is hermetic and never reaches the network.
    /// </summary>
    public static IReadOnlyDictionary<string, string?> AwsEnvironment(string? secretKey = null) => new Dictionary<string, string?>
    {
        ["AWS_ACCESS_KEY_ID"] = "AKIDEMULATOR",
        ["AWS_SECRET_ACCESS_KEY"] = secretKey ?? "emulator-secret-key",
        ["AWS_SESSION_TOKEN"] = null,
        ["AWS_REGION"] = "us-east-1",
        ["AWS_DEFAULT_REGION"] = null,
        ["AWS_PROFILE"] = null,
        ["AWS_CONFIG_FILE"] = "/nonexistent/esmctl-test-config",
        ["AWS_SHARED_CREDENTIALS_FILE"] = "/nonexistent/esmctl-test-credentials",
        ["AWS_EC2_METADATA_DISABLED"] = "true",
        ["AWS_ENDPOINT_URL"] = null,
        ["AWS_ENDPOINT_URL_LAMBDA"] = null,
        ["AWS_ENDPOINT_URL_STS"] = null,
    };

    public async ValueTask DisposeAsync() => await Server.DisposeAsync();
}
