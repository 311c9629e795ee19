using System.CommandLine;
using System.Globalization;
using Reconciler.Core.Api;
using Reconciler.Emulator.ControlPlane;
using Reconciler.Emulator.Http;
using Reconciler.Emulator.Inventory;
using Reconciler.Emulator.Persistence;

namespace Esmctl.Commands;

/// <summary>
/// `esmctl emulator --listen 127.0.0.1:4599 [--state FILE] [--account ID] [--region R] [--dwell 2s]
/// [--strict-resources [--resources FILE]] [faults...]`: the local control plane over the real Lambda REST-JSON routes
/// and STS, for `--target aws --endpoint-url`, any AWS SDK or CLI. Prints "esmctl emulator listening on
/// http://HOST:PORT" once bound, then serves until SIGINT/SIGTERM.
/// </summary>
public static class EmulatorCommand
{
    /// <summary>What the command was asked for, parsed and checked.</summary>
    public sealed record Settings(
        string Host,
        int Port,
        string? StatePath,
        ControlPlaneOptions ControlPlane,
        FaultOptions Faults,
        bool AllowNonLoopback,
        bool StrictResources = false,
        string? ResourcesPath = null);

    public static Command Create(CommandServices services)
    {
        var listen = new Option<string>("--listen") { Description = "HOST:PORT to listen on (port 0 picks a free one)", DefaultValueFactory = _ => "127.0.0.1:4599" };
        var state = new Option<string?>("--state") { Description = "Serve the file-backed control plane in FILE (the local target's format); else state is in memory" };
        var account = new Option<string?>("--account") { Description = "Account id of ARNs and of STS GetCallerIdentity (default 123456789012)" };
        var region = new Option<string?>("--region") { Description = "Region of ARNs (default us-east-1)" };
        var dwell = new Option<string>("--dwell") { Description = "How long Creating/Updating/Deleting... last, e.g. 2s, 500ms", DefaultValueFactory = _ => "0s" };
        var throttle = new Option<double>("--fault-throttle") { Description = "Fraction 0..1 of requests answered 429 TooManyRequestsException" };
        var error = new Option<double>("--fault-error") { Description = "Fraction 0..1 of requests answered 500 ServiceException" };
        var drop = new Option<double>("--drop-response") { Description = "Fraction 0..1 of mutating requests performed, then answered by dropping the connection" };
        var latency = new Option<string>("--latency") { Description = "Added latency per request, e.g. 50ms", DefaultValueFactory = _ => "0ms" };
        var jitter = new Option<string>("--latency-jitter") { Description = "Up to this much more latency, uniformly random", DefaultValueFactory = _ => "0ms" };
        var seed = new Option<int>("--fault-seed") { Description = "Seed of the fault generator (same seed, same faults)", DefaultValueFactory = _ => 1 };
        var operations = new Option<string[]>("--fault-operations") { Description = "Only inject faults into these operations (e.g. CreateEventSourceMapping); comma-separated or repeated", AllowMultipleArgumentsPerToken = true };
        var allowNonLoopback = new Option<bool>("--allow-non-loopback") { Description = "Allow listening on a non-loopback address (the emulator accepts any credentials)" };
        var strict = new Option<bool>("--strict-resources") { Description = "Only declared functions (with versions and aliases), queues, streams, clusters and brokers exist; others get AWS's \"Function does not exist\", \"Stream not found\" ... errors" };
        var resources = new Option<string?>("--resources") { Description = "JSON file declaring the functions and event sources that exist (implies --strict-resources); more can be added at /_emulator/resources" };

        var command = new Command("emulator", "Serve the local Lambda event source mapping control plane over the AWS wire protocol")
        {
            listen, state, account, region, dwell, strict, resources, throttle, error, drop, latency, jitter, seed, operations, allowNonLoopback,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var console = services.Console;
            Settings settings;
            try
            {
                var (host, port) = ParseListen(parseResult.GetValue(listen)!);
                var controlPlane = new ControlPlaneOptions
                {
                    AccountId = parseResult.GetValue(account) ?? ControlPlaneOptions.DefaultAccountId,
                    Region = parseResult.GetValue(region) ?? ControlPlaneOptions.DefaultRegion,
                    TransitionDwell = ParseDuration(parseResult.GetValue(dwell)!, "--dwell"),
                }.Validated();
                var scope = (parseResult.GetValue(operations) ?? [])
                    .SelectMany(o => o.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                    .ToHashSet(StringComparer.Ordinal);
                var faults = new FaultOptions
                {
                    ThrottleFraction = parseResult.GetValue(throttle),
                    ErrorFraction = parseResult.GetValue(error),
                    DropResponseFraction = parseResult.GetValue(drop),
                    Latency = ParseDuration(parseResult.GetValue(latency)!, "--latency"),
                    LatencyJitter = ParseDuration(parseResult.GetValue(jitter)!, "--latency-jitter"),
                    Seed = parseResult.GetValue(seed),
                    Operations = scope.Count > 0 ? scope : null,
                }.Validated();
                var resourcesPath = parseResult.GetValue(resources);
                settings = new Settings(host, port, parseResult.GetValue(state), controlPlane, faults, parseResult.GetValue(allowNonLoopback),
                    StrictResources: parseResult.GetValue(strict) || resourcesPath is not null, ResourcesPath: resourcesPath);
            }
            catch (ArgumentException problem)
            {
                await console.Error.WriteLineAsync($"error: {problem.Message}");
                return ExitCodes.Error;
            }
            // The process's one signal seam: the first SIGINT/SIGTERM/SIGHUP stops serving, as it stops an apply.
            using var signals = services.Interrupts();
            using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, signals.Stopping);
            return await RunAsync(settings, console.Out, console.Error, stopping.Token, services.Time);
        });
        return command;
    }

    /// <summary>The testable handler: serves until <paramref name="cancellationToken"/> (the command links the process's
    /// signals into it).</summary>
    /// <param name="time">The clock of the control plane (dwell, timestamps) and of the HTTP face (latency): the
    /// process's, from <see cref="CommandServices.Time"/>; the system clock when not given.</param>
    public static async Task<int> RunAsync(
        Settings settings, TextWriter output, TextWriter error, CancellationToken cancellationToken, TimeProvider? time = null)
    {
        time ??= TimeProvider.System;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);

        ResourceInventory? inventory;
        try
        {
            inventory = ReadInventory(settings);
        }
        catch (Exception problem) when (problem is InventoryFormatException or IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"error: --resources: {problem.Message}");
            return ExitCodes.Error;
        }
        ILambdaMappingApi controlPlane = settings.StatePath is { } path
            ? new FileBackedControlPlane(path, settings.ControlPlane, time, inventory: inventory)
            : new EmulatedControlPlane(settings.ControlPlane, time, inventory: inventory);
        var server = new EmulatorServer(controlPlane, new EmulatorServerOptions
        {
            AccountId = settings.ControlPlane.AccountId,
            Time = time,
            Faults = settings.Faults,
            AllowNonLoopback = settings.AllowNonLoopback,
            Log = message => error.WriteLine($"esmctl emulator: {message}"),
        });
        await using (server)
        {
            Uri address;
            try
            {
                address = await server.StartAsync(settings.Host, settings.Port, stop.Token);
            }
            catch (Exception problem) when (problem is ArgumentException or IOException)
            {
                await error.WriteLineAsync($"error: cannot listen on {settings.Host}:{settings.Port}: {problem.Message}");
                return ExitCodes.Error;
            }
            await output.WriteLineAsync($"esmctl emulator listening on {address.GetLeftPart(UriPartial.Authority)}");
            await output.FlushAsync(CancellationToken.None);
            var where = settings.StatePath is { } file ? $"state in {Path.GetFullPath(file)}" : "state in memory";
            var known = inventory?.Snapshot() is { } declared
                ? $"; strict resources: {declared.Functions.Count} functions, {declared.Queues.Count + declared.Streams.Count + declared.Clusters.Count + declared.Brokers.Count} event sources declared"
                : "";
            await error.WriteLineAsync($"esmctl emulator: account {settings.ControlPlane.AccountId}, region {settings.ControlPlane.Region}, {where}{known}; stop with Ctrl+C");
            // What a first-time user needs next: the target options, and that any credentials do (esmctl --target aws
            // and the AWS CLI refuse to sign without some).
            var url = address.GetLeftPart(UriPartial.Authority);
            await error.WriteLineAsync(
                $"esmctl emulator: use it with AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test (any credentials are accepted) and " +
                $"esmctl plan PATH --target aws --endpoint-url {url} --region {settings.ControlPlane.Region}");

            var stopped = new TaskCompletionSource();
            await using (stop.Token.Register(() => stopped.TrySetResult()))
            {
                await stopped.Task;
            }
            await server.StopAsync(CancellationToken.None);
        }
        return ExitCodes.Success;
    }

    /// <summary>Null (every function and source exists) unless strict; then what the seed file declares, if any.</summary>
    public static ResourceInventory? ReadInventory(Settings settings)
    {
        if (!settings.StrictResources) return null;
        var inventory = new ResourceInventory(settings.ControlPlane);
        if (settings.ResourcesPath is not { } path) return inventory;
        var document = InventoryDocument.Parse(File.ReadAllText(path), path);
        try
        {
            return inventory.Declare(document);
        }
        catch (InventoryFormatException problem)
        {
            throw new InventoryFormatException($"{path}: {problem.Message}");
        }
    }

    /// <summary>"127.0.0.1:4599", "localhost:0", "[::1]:4599", or a bare port (loopback).</summary>
    public static (string Host, int Port) ParseListen(string text)
    {
        var colon = text.LastIndexOf(':');
        var (host, portText) = colon < 0 ? ("127.0.0.1", text) : (text[..colon], text[(colon + 1)..]);
        if (host.Length == 0) host = "127.0.0.1";
        if (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > 65535)
            throw new ArgumentException($"--listen '{text}' must be HOST:PORT with a port 0..65535.");
        return (host, port);
    }

    /// <summary>"2s", "500ms", "1m", "1.5s", or a number of seconds.</summary>
    public static TimeSpan ParseDuration(string text, string option)
    {
        var units = new (string Suffix, double Seconds)[] { ("ms", 0.001), ("s", 1), ("m", 60), ("h", 3600) };
        foreach (var (suffix, seconds) in units)
        {
            if (text.EndsWith(suffix, StringComparison.Ordinal)
                && double.TryParse(text[..^suffix.Length], NumberStyles.Float, CultureInfo.InvariantCulture, out var amount) && amount >= 0)
                return TimeSpan.FromSeconds(amount * seconds);
        }
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var plain) && plain >= 0)
            return TimeSpan.FromSeconds(plain);
        throw new ArgumentException($"{option} '{text}' is not a duration such as 2s, 500ms or 1m.");
    }
}
