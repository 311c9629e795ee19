using System.Collections;
using System.CommandLine;
using System.CommandLine.Parsing;
using Esmctl.Daemon;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Esmctl.Commands;

/// <summary>
/// `esmctl run PATH...`: the long-lived reconciler. The command only gathers settings; the pipeline each tick
/// runs comes from <c>tickFactory</c>, given by the composition root (Program).
/// </summary>
public static class RunCommand
{
    public static Command Create(CommandServices services)
    {
        var paths = new Argument<string[]>("path") { Description = "Manifest files or directories (or Paths in the config file / ESMCTL_PATHS)", Arity = ArgumentArity.ZeroOrMore };
        var target = new Option<string?>("--target") { Description = "Where to reconcile (default: AWS from the environment's credentials and region)" };
        var interval = Duration("--interval", "Time between ticks, e.g. 30s, 5m (default 60s)");
        var tagRefresh = Duration("--tag-refresh-interval", "How often cached tags are re-read (default 10m)");
        var shutdownGrace = Duration("--shutdown-grace", "How long a tick in flight may finish after SIGTERM (default 30s)");
        var prune = new Option<bool>("--prune") { Description = "Delete managed mappings no manifest declares any more" };
        var owner = new Option<string?>("--owner") { Description = "Owner tag value scoping what this daemon manages and prunes" };
        var observeOnly = new Option<bool>("--observe-only") { Description = "Plan and report drift; never change anything" };
        var listen = new Option<string?>("--listen") { Description = "host:port for /healthz, /readyz, /metrics, /status (default 127.0.0.1:9464)" };
        var listenAny = new Option<bool>("--listen-any") { Description = "Allow --listen on a non-loopback address (the endpoints have no authentication)" };
        var logFormat = new Option<string?>("--log-format") { Description = "text or json (JSON lines)" };
        logFormat.AcceptOnlyFromAmong("text", "json");
        var config = new Option<string?>("--config") { Description = $"JSON config file (or {DaemonConfiguration.ConfigFileVariable})" };

        var command = new Command("run", "Reconcile continuously: tick on an interval and on manifest changes, serve health, metrics and status")
        {
            paths, target, interval, tagRefresh, shutdownGrace, prune, owner, observeOnly, listen, listenAny, logFormat, config,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
            var given = parseResult.GetValue(paths) ?? [];
            for (var i = 0; i < given.Length; i++) values[$"{nameof(DaemonOptions.Paths)}:{i}"] = given[i];
            // Only what was typed goes in, so config-file and environment values are not overwritten by defaults.
            Put(values, nameof(DaemonOptions.Target), parseResult.GetValue(target));
            Put(values, nameof(DaemonOptions.Interval), parseResult.GetValue(interval));
            Put(values, nameof(DaemonOptions.TagRefreshInterval), parseResult.GetValue(tagRefresh));
            Put(values, nameof(DaemonOptions.ShutdownGrace), parseResult.GetValue(shutdownGrace));
            Put(values, nameof(DaemonOptions.Owner), parseResult.GetValue(owner));
            Put(values, nameof(DaemonOptions.Listen), parseResult.GetValue(listen));
            Put(values, nameof(DaemonOptions.LogFormat), parseResult.GetValue(logFormat));
            Flag(values, nameof(DaemonOptions.Prune), parseResult, prune);
            Flag(values, nameof(DaemonOptions.ObserveOnly), parseResult, observeOnly);
            Flag(values, nameof(DaemonOptions.ListenAny), parseResult, listenAny);
            return await RunAsync(parseResult.GetValue(config), values, services.Environment,
                options => ReconcileTick.ForOptions(options, services), services.Console.Error, cancellationToken,
                // The host's clock and jitter are the process's, as every other command's.
                host => host.AddSingleton(services.Time).AddSingleton(services.Jitter));
        });
        return command;
    }

    /// <summary>Runs the daemon until the host stops (SIGTERM/SIGINT or <paramref name="cancellationToken"/>).</summary>
    /// <returns>0 after a clean stop; 1 when the settings are invalid, the endpoint cannot bind, or the loop died.</returns>
    public static async Task<int> RunAsync(
        string? configFile,
        IReadOnlyDictionary<string, string?> commandLine,
        IReadOnlyDictionary<string, string> environment,
        Func<DaemonOptions, IReconcileTick> tickFactory,
        TextWriter error,
        CancellationToken cancellationToken,
        Action<IServiceCollection>? configureServices = null)
    {
        try
        {
            var configuration = DaemonConfiguration.Build(configFile, commandLine, environment);
            // RunAsync disposes the host; take the loop out first to read how it ended.
            var app = DaemonHost.Build(configuration, tickFactory, configureServices);
            var loop = app.Services.GetRequiredService<ReconcileLoop>();
            await HostingAbstractionsHostExtensions.RunAsync(app, cancellationToken);
            return loop.ExecuteTask is { IsFaulted: true } ? ExitCodes.Error : ExitCodes.Success;
        }
        catch (OptionsValidationException exception)
        {
            foreach (var failure in exception.Failures) await error.WriteLineAsync($"error: {DaemonOptionsFailure.Describe(failure)}. See 'esmctl run --help'.");
            return ExitCodes.Error;
        }
        catch (Exception exception) when (exception is IOException or InvalidDataException or FormatException)
        {
            // A missing or malformed config file; Kestrel reports an address in use this way too.
            await error.WriteLineAsync($"esmctl run: {exception.Message}");
            return ExitCodes.Error;
        }
    }

    private static Option<string?> Duration(string name, string description)
    {
        var option = new Option<string?>(name) { Description = description };
        option.Validators.Add(result =>
        {
            var text = result.GetValueOrDefault<string?>();
            if (text is not null && !Daemon.Duration.TryParse(text, out _))
            {
                result.AddError($"{name}: '{text}' is not a duration (e.g. 500ms, 60s, 5m, 1h)");
            }
        });
        return option;
    }

    private static void Put(Dictionary<string, string?> values, string key, string? value)
    {
        if (value is not null) values[key] = value;
    }

    private static void Flag(Dictionary<string, string?> values, string key, ParseResult parseResult, Option<bool> option)
    {
        if (parseResult.GetResult(option) is not null) values[key] = parseResult.GetValue(option) ? "true" : "false";
    }
}
