using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Esmctl.Daemon;

public static class DaemonServiceCollectionExtensions
{
    /// <summary>The daemon over one tick: the command line's one target.</summary>
    public static IServiceCollection AddReconcileDaemon(
        this IServiceCollection services, IConfiguration configuration, Func<DaemonOptions, IReconcileTick> tickFactory) =>
        services.AddReconcileDaemon(configuration, options => [new DaemonTarget(null, tickFactory(options))]);

    /// <summary>
    /// The daemon's composition root: options (bound from <paramref name="configuration"/>, validated at start), one
    /// loop per target (each with its own tick, status and backoff) as a hosted service, metrics, and Kestrel bound to
    /// the Listen address. The clock and the jitter source (a Func&lt;double&gt; in [0, 1)) come from the CLI's composition
    /// root through <c>configureServices</c>; IManifestWatcher is only added if not registered already (tests bring theirs).
    /// </summary>
    public static IServiceCollection AddReconcileDaemon(
        this IServiceCollection services, IConfiguration configuration, Func<DaemonOptions, IReadOnlyList<DaemonTarget>> targetsFactory)
    {
        services.AddOptions<DaemonOptions>()
            .Configure(options => DaemonOptionsBinder.Bind(configuration, options))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<DaemonOptions>, DaemonOptionsValidator>();

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<Func<double>>(_ => Reconciler.Core.Applying.ApplyOptions.JitterFrom(new Random()));
        services.TryAddSingleton<IManifestWatcher, FileSystemManifestWatcher>();

        services.AddSingleton(provider => targetsFactory(provider.GetRequiredService<IOptions<DaemonOptions>>().Value));
        services.AddSingleton(provider => new DaemonMetrics(
            [.. provider.GetRequiredService<IReadOnlyList<DaemonTarget>>().Select(t => t.Name).OfType<string>()]));
        services.AddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<DaemonOptions>>();
            var time = provider.GetRequiredService<TimeProvider>();
            var watcher = new BroadcastWatcher(provider.GetRequiredService<IManifestWatcher>());
            var logger = provider.GetRequiredService<Microsoft.Extensions.Logging.ILogger<ReconcileLoop>>();
            return new DaemonLoops([.. provider.GetRequiredService<IReadOnlyList<DaemonTarget>>().Select(target =>
            {
                var backoff = new MappingBackoff(options.Value.BackoffBase, options.Value.MaxBackoff);
                var status = new DaemonStatus(time);
                var loop = new ReconcileLoop(target.Tick, options, time, provider.GetRequiredService<Func<double>>(), watcher, backoff,
                    status, provider.GetRequiredService<DaemonMetrics>(), logger, target.Name);
                return new TargetLoop(target.Name, loop, status, backoff) { Entry = target.Entry };
            })], provider.GetService<Microsoft.Extensions.Hosting.IHostApplicationLifetime>());
        });
        services.AddHostedService(provider => provider.GetRequiredService<DaemonLoops>());

        // The host must wait for the loop's own grace, or it would abandon the tick before the loop does.
        services.AddOptions<HostOptions>().Configure<IOptions<DaemonOptions>>((host, daemon) =>
            host.ShutdownTimeout = daemon.Value.ShutdownGrace + TimeSpan.FromSeconds(10));
        services.AddOptions<KestrelServerOptions>().Configure<IOptions<DaemonOptions>>((kestrel, daemon) =>
        {
            if (ListenAddress.TryParse(daemon.Value.Listen, out var listen)) kestrel.Listen(listen!.EndPoint);
        });
        return services;
    }
}
