using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Reconciler.Core.Api;
using Reconciler.Emulator.ControlPlane;
using Reconciler.Emulator.Inventory;
using Reconciler.Emulator.Persistence;

namespace Reconciler.Emulator.Http;

/// <summary>
/// The emulator over HTTP: Kestrel serving the Lambda REST-JSON routes and STS GetCallerIdentity in front of a
/// control plane (in memory or file-backed), so any AWS SDK or CLI, and esmctl's aws target, can talk to it.
/// Listens on loopback unless <see cref="EmulatorServerOptions.AllowNonLoopback"/> is set; port 0 picks a free port,
/// reported by <see cref="BaseAddress"/>.
/// </summary>
public sealed class EmulatorServer : IAsyncDisposable
{
    private readonly ILambdaMappingApi _controlPlane;
    private WebApplication? _app;

    public EmulatorServer(ILambdaMappingApi controlPlane, EmulatorServerOptions? options = null)
    {
        _controlPlane = controlPlane;
        Options = options ?? new EmulatorServerOptions();
        Options.Faults.Validated();
        RequestLog = new HttpRequestLog(Options.RequestLogCapacity);
    }

    public EmulatorServerOptions Options { get; }

    /// <summary>The inventory the admin routes show and change: the options', else the control plane's own.</summary>
    public ResourceInventory? Inventory => Options.Inventory
        ?? (_controlPlane as EmulatedControlPlane)?.Inventory
        ?? (_controlPlane as FileBackedControlPlane)?.Inventory;

    /// <summary>The requests the AWS routes answered (the /_emulator routes are not logged).</summary>
    public HttpRequestLog RequestLog { get; }

    /// <summary>e.g. http://127.0.0.1:4599/ once started.</summary>
    public Uri BaseAddress => _baseAddress ?? throw new InvalidOperationException("The emulator server has not been started.");

    private Uri? _baseAddress;

    public async Task<Uri> StartAsync(string host = "127.0.0.1", int port = 0, CancellationToken cancellationToken = default)
    {
        if (_app is not null) throw new InvalidOperationException("The emulator server is already started.");
        if (port is < 0 or > 65535) throw new ArgumentOutOfRangeException(nameof(port), port, "A port is 0..65535.");
        var address = ListenAddress(host);

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(address, port));
        var app = builder.Build();

        var pipeline = new EmulatorPipeline(new FaultInjector(Options.Faults), RequestLog, Options.Time, Options.Log);
        app.UseRouting();
        app.Use(pipeline.InvokeAsync);
        new LambdaRoutes(_controlPlane, Options.Log).Map(app);
        new StsRoutes(Options.AccountId).Map(app);
        AdminRoutes.Map(app, RequestLog, Inventory);

        await app.StartAsync(cancellationToken);
        _app = app;
        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        _baseAddress = new Uri(bound.EndsWith('/') ? bound : bound + "/");
        return _baseAddress;
    }

    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (_app is not { } app) return;
        _app = null;
        await app.StopAsync(cancellationToken);
        await app.DisposeAsync();
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private IPAddress ListenAddress(string host)
    {
        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)) return IPAddress.Loopback;
        var trimmed = host.Trim('[', ']');
        if (!IPAddress.TryParse(trimmed, out var address))
            throw new ArgumentException($"Listen host '{host}' must be an IP address or localhost.");
        if (!IPAddress.IsLoopback(address) && !Options.AllowNonLoopback)
            throw new ArgumentException(
                $"Refusing to listen on {host}: the emulator accepts any credentials, so it only binds loopback unless non-loopback binding is explicitly allowed (--allow-non-loopback).");
        return address;
    }
}
