using Reconciler.Core.Api;
using Reconciler.Core.Model;
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

    /// <param name="front">Wraps the control plane before the server sees it, e.g. in a <see cref="ScriptedApi"/>
    /// that answers chosen calls with the errors AWS gives.</param>
    public static async Task<EmulatorHarness> StartAsync(
        EmulatorServerOptions? serverOptions = null, ControlPlaneOptions? controlPlaneOptions = null, TimeProvider? time = null,
        Func<ILambdaMappingApi, ILambdaMappingApi>? front = null)
    {
        var controlPlane = new EmulatedControlPlane(controlPlaneOptions ?? new ControlPlaneOptions(), time ?? TimeProvider.System);
        var served = front is null ? controlPlane : front(controlPlane);
        var server = new EmulatorServer(served, serverOptions ?? new EmulatorServerOptions());
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

    /// <summary>Every mapping the control plane holds, with its tags, read in process (not over HTTP, so the
    /// request log only shows what esmctl sent).</summary>
    public async Task<IReadOnlyList<(LiveMapping Mapping, IReadOnlyDictionary<string, string> Tags)>> MappingsAsync()
    {
        var all = new List<(LiveMapping, IReadOnlyDictionary<string, string>)>();
        string? marker = null;
        do
        {
            var page = await ControlPlane.ListAsync(new ListMappingsQuery(Marker: marker), CancellationToken.None);
            foreach (var mapping in page.Mappings)
                all.Add((mapping, await ControlPlane.ListTagsAsync(mapping.EventSourceMappingArn, CancellationToken.None)));
            marker = page.NextMarker;
        }
        while (marker is not null);
        return all;
    }

    /// <summary>How many requests of one operation (e.g. CreateEventSourceMapping) reached the HTTP face.</summary>
    public int Requests(string operation) => Server.RequestLog.Count(operation);

    public async ValueTask DisposeAsync() => await Server.DisposeAsync();
}
