using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace Esmctl.Daemon;

/// <summary>Builds the `esmctl run` process: one host holding the loop and its HTTP face.</summary>
public static class DaemonHost
{
    /// <param name="configureServices">Runs before the daemon's registrations, so tests can bring their own
    /// TimeProvider, jitter source (Func&lt;double&gt;) or IManifestWatcher.</param>
    public static WebApplication Build(
        IConfiguration configuration,
        Func<DaemonOptions, IReconcileTick> tickFactory,
        Action<IServiceCollection>? configureServices = null) =>
        Build(configuration, options => [new DaemonTarget(null, tickFactory(options))], configureServices);

    /// <param name="targetsFactory">The targets to reconcile, each with its tick: one for the command line's target, one per
    /// target of esmctl.yaml.</param>
    public static WebApplication Build(
        IConfiguration configuration,
        Func<DaemonOptions, IReadOnlyList<DaemonTarget>> targetsFactory,
        Action<IServiceCollection>? configureServices = null)
    {
        // The empty builder: no appsettings.json, no ASPNETCORE_* surprises; the daemon's layers are the only config.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ApplicationName = "esmctl" });
        builder.Configuration.AddConfiguration(configuration);
        builder.WebHost.UseKestrelCore();
        builder.Services.AddRoutingCore();
        builder.Services.Configure<ConsoleLifetimeOptions>(options => options.SuppressStatusMessages = true);
        ConfigureLogging(builder.Logging, configuration);

        configureServices?.Invoke(builder.Services);
        builder.Services.AddReconcileDaemon(configuration, targetsFactory);

        var app = builder.Build();
        app.MapDaemonEndpoints();
        // Where /healthz, /metrics and /status are, as bound (a --listen port 0 is only known now): a probe or a person
        // should not have to guess from the configuration.
        app.Lifetime.ApplicationStarted.Register(() => DaemonLog.Listening(
            app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ReconcileLoop)), string.Join(", ", app.Urls)));
        return app;
    }

    private static void ConfigureLogging(ILoggingBuilder logging, IConfiguration configuration)
    {
        logging.ClearProviders();
        logging.SetMinimumLevel(LogLevel.Information);
        logging.AddFilter("Microsoft", LogLevel.Warning);
        logging.AddConfiguration(configuration.GetSection("Logging"));
        const string timestamp = "yyyy-MM-dd'T'HH:mm:ss.fff'Z' ";
        if (string.Equals(configuration[nameof(DaemonOptions.LogFormat)], "json", StringComparison.OrdinalIgnoreCase))
        {
            logging.AddJsonConsole(options =>
            {
                options.UseUtcTimestamp = true;
                options.TimestampFormat = timestamp.TrimEnd();
                options.IncludeScopes = false;
            });
        }
        else
        {
            logging.AddSimpleConsole(options =>
            {
                options.SingleLine = true;
                options.UseUtcTimestamp = true;
                options.TimestampFormat = timestamp;
                options.ColorBehavior = LoggerColorBehavior.Disabled;
            });
        }
    }
}
