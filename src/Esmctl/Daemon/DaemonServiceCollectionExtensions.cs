using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Esmctl.Daemon;

public static class DaemonServiceCollectionExtensions
{
    /// <summary>
    /// The daemon's composition root: options (bound from <paramref name="configuration"/>, validated at start),
    /// the loop as a hosted service, status, metrics, backoff, and Kestrel bound to the Listen address.
    /// The clock and the jitter source (a Func&lt;double&gt; in [0, 1)) come from the CLI's composition root through
    /// <c>configureServices</c>; IManifestWatcher is only added if not registered already (tests bring theirs).
    /// </summary>
    public static IServiceCollection AddReconcileDaemon(
        this IServiceCollection services, IConfiguration configuration, Func<DaemonOptions, IReconcileTick> tickFactory)
    {
        services.AddOptions<DaemonOptions>()
            .Configure(options => DaemonOptionsBinder.Bind(configuration, options))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<DaemonOptions>, DaemonOptionsValidator>();

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<Func<double>>(_ => Reconciler.Core.Applying.ApplyOptions.JitterFrom(new Random()));
        services.TryAddSingleton<IManifestWatcher, FileSystemManifestWatcher>();

        services.AddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<DaemonOptions>>().Value;
            return new MappingBackoff(options.BackoffBase, options.MaxBackoff);
        });
        services.AddSingleton<DaemonStatus>();
        services.AddSingleton<DaemonMetrics>();
        services.AddSingleton(provider => tickFactory(provider.GetRequiredService<IOptions<DaemonOptions>>().Value));
        services.AddSingleton<ReconcileLoop>();
        services.AddHostedService(provider => provider.GetRequiredService<ReconcileLoop>());

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
