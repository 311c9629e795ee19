using System.CommandLine;
using System.Net;
using Esmctl.Daemon;

namespace Esmctl.Commands;

/// <summary>
/// <c>esmctl healthcheck [--listen HOST:PORT]</c>: asks a running daemon's /healthz and exits 0 when it answers 200.
/// For container health checks (the image's HEALTHCHECK): the distroless image has no curl. Hidden from help, as it
/// is a probe for supervisors rather than a command for people.
/// </summary>
public static class HealthcheckCommand
{
    public static Command Create()
    {
        var listen = new Option<string?>("--listen")
        {
            Description = $"The daemon's --listen address (default: {DaemonConfiguration.EnvironmentPrefix}LISTEN, else 127.0.0.1:9464)",
        };
        var command = new Command("healthcheck", "Exit 0 when the esmctl daemon on this host answers /healthz with 200") { listen };
        command.Hidden = true;
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var address = parseResult.GetValue(listen) ?? Environment.GetEnvironmentVariable(DaemonConfiguration.EnvironmentPrefix + "LISTEN");
            using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { Timeout = TimeSpan.FromSeconds(3) };
            return await RunAsync(address, http, CommandConsole.System(), cancellationToken);
        });
        return command;
    }

    public static async Task<int> RunAsync(string? listen, HttpClient http, CommandConsole console, CancellationToken cancellationToken)
    {
        listen = string.IsNullOrWhiteSpace(listen) ? new DaemonOptions().Listen : listen;
        if (!ListenAddress.TryParse(listen, out var address))
        {
            await console.Error.WriteLineAsync($"error: --listen '{listen}' is not host:port (e.g. 127.0.0.1:9464)");
            return ExitCodes.Error;
        }
        // A daemon listening on every interface is reached on loopback from inside its own host or container.
        var host = address!.Address.Equals(IPAddress.Any) ? IPAddress.Loopback
            : address.Address.Equals(IPAddress.IPv6Any) ? IPAddress.IPv6Loopback
            : address.Address;
        var url = new UriBuilder("http", host.ToString(), address.Port, "/healthz").Uri;
        try
        {
            using var response = await http.GetAsync(url, cancellationToken);
            var body = (await response.Content.ReadAsStringAsync(cancellationToken)).Trim();
            if (response.StatusCode == HttpStatusCode.OK)
            {
                await console.Out.WriteLineAsync($"{url}: {body}");
                return ExitCodes.Success;
            }
            await console.Error.WriteLineAsync($"error: {url} answered {(int)response.StatusCode}: {body}");
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            await console.Error.WriteLineAsync($"error: {url} did not answer: {e.Message}");
        }
        return ExitCodes.Error;
    }
}
