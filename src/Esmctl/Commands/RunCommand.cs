using System.Collections;
using System.CommandLine;
using System.CommandLine.Parsing;
using Esmctl.Daemon;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Esmctl.Commands;

/// <summary>
/// `esmctl run PATH...`: the long-lived reconciler. The command only gathers settings: the target options are plan's
/// and apply's (<see cref="TargetOptions"/>, the same names and defaults), layered over the config file and environment;
/// the targets and their ticks come from <see cref="DaemonTargets"/> (every target of esmctl.yaml, or the one named).
/// </summary>
public static class RunCommand
{
    public static Command Create(CommandServices services)
    {
        var paths = new Argument<string[]>("path") { Description = "Manifest files or directories (or Paths in the config file / ESMCTL_PATHS)", Arity = ArgumentArity.ZeroOrMore };
        var target = new TargetOptions();
        var interval = Duration("--interval", "Time between ticks, e.g. 30s, 5m (default 60s)");
        var tagRefresh = Duration("--tag-refresh-interval", "How often cached tags are re-read (default 10m)");
        var shutdownGrace = Duration("--shutdown-grace", "How long a tick in flight may finish after SIGTERM (default 30s)");
        var observeOnly = new Option<bool>("--observe-only") { Description = "Plan and report drift; never change anything" };
        var listen = new Option<string?>("--listen") { Description = "host:port for /healthz, /readyz, /metrics, /status (default 127.0.0.1:9464)" };
        var listenAny = new Option<bool>("--listen-any") { Description = "Allow --listen on a non-loopback address (the endpoints have no authentication)" };
        var logFormat = new Option<string?>("--log-format") { Description = "text or json (JSON lines)" };
        logFormat.AcceptOnlyFromAmong("text", "json");
        var config = new Option<string?>("--config") { Description = $"JSON config file (or {DaemonConfiguration.ConfigFileVariable})" };

        var command = new Command("run", "Reconcile continuously (every target of esmctl.yaml, or the one --target names): tick on an interval " +
            "and on manifest changes, serve health, metrics and status")
        {
            paths,
        };
        target.AddTo(command);
        foreach (var option in new Option[] { interval, tagRefresh, shutdownGrace, observeOnly, listen, listenAny, logFormat, config }) command.Options.Add(option);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
            var given = parseResult.GetValue(paths) ?? [];
            for (var i = 0; i < given.Length; i++) values[$"{nameof(DaemonOptions.Paths)}:{i}"] = given[i];
            // Only what was typed goes in, so config-file and environment values are not overwritten by defaults.
            // The target options' names without dashes are the settings' names (endpoint-url: EndpointUrl).
            foreach (var (name, value) in target.Typed(parseResult)) values[name.Replace("-", "", StringComparison.Ordinal)] = value;
            Put(values, nameof(DaemonOptions.Interval), parseResult.GetValue(interval));
            Put(values, nameof(DaemonOptions.TagRefreshInterval), parseResult.GetValue(tagRefresh));
            Put(values, nameof(DaemonOptions.ShutdownGrace), parseResult.GetValue(shutdownGrace));
            Put(values, nameof(DaemonOptions.Listen), parseResult.GetValue(listen));
            Put(values, nameof(DaemonOptions.LogFormat), parseResult.GetValue(logFormat));
            Flag(values, nameof(DaemonOptions.ObserveOnly), parseResult, observeOnly);
            Flag(values, nameof(DaemonOptions.ListenAny), parseResult, listenAny);
            return await RunAsync(parseResult.GetValue(config), values, services.Environment,
                options => DaemonTargets.For(options, services), services.Console.Error, cancellationToken,
                // The host's clock and jitter are the process's, as every other command's.
                host => host.AddSingleton(services.Time).AddSingleton(services.Jitter));
        });
        return command;
    }

    /// <summary>Runs the daemon over one tick (the command line's one target) until the host stops.</summary>
    public static Task<int> RunAsync(
        string? configFile,
        IReadOnlyDictionary<string, string?> commandLine,
        IReadOnlyDictionary<string, string> environment,
        Func<DaemonOptions, IReconcileTick> tickFactory,
        TextWriter error,
        CancellationToken cancellationToken,
        Action<IServiceCollection>? configureServices = null) =>
        RunAsync(configFile, commandLine, environment, options => [new DaemonTarget(null, tickFactory(options))], error, cancellationToken, configureServices);

    /// <summary>Runs the daemon until the host stops (SIGTERM/SIGINT or <paramref name="cancellationToken"/>).</summary>
    /// <returns>0 after a clean stop; 1 when the settings are invalid, the endpoint cannot bind, or a loop died.</returns>
    public static async Task<int> RunAsync(
        string? configFile,
        IReadOnlyDictionary<string, string?> commandLine,
        IReadOnlyDictionary<string, string> environment,
        Func<DaemonOptions, IReadOnlyList<DaemonTarget>> targetsFactory,
        TextWriter error,
        CancellationToken cancellationToken,
        Action<IServiceCollection>? configureServices = null)
    {
        try
        {
            foreach (var warning in DaemonConfiguration.MisspeltVariables(environment)) await error.WriteLineAsync($"warning: {warning}");
            var configuration = DaemonConfiguration.Build(configFile, commandLine, environment);
            // RunAsync disposes the host; take the loops out first to read how they ended.
            var app = DaemonHost.Build(configuration, targetsFactory, configureServices);
            var loops = app.Services.GetRequiredService<DaemonLoops>();
            await HostingAbstractionsHostExtensions.RunAsync(app, cancellationToken);
            foreach (var fault in loops.Faults) await error.WriteLineAsync($"error: {fault}");
            return loops.AnyFaulted ? ExitCodes.Error : ExitCodes.Success;
        }
        catch (OptionsValidationException exception)
        {
            foreach (var failure in exception.Failures) await error.WriteLineAsync($"error: {DaemonOptionsFailure.Describe(failure)}. See 'esmctl run --help'.");
            return ExitCodes.Error;
        }
        catch (DaemonConfigFileException exception)
        {
            foreach (var problem in exception.Problems) await error.WriteLineAsync($"error: {problem}");
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
