using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Esmctl.Daemon;

/// <summary>
/// Reads <see cref="DaemonOptions"/> from configuration by hand, because durations are written "60s" (which
/// the stock binder cannot read as a TimeSpan). Values that do not parse become binding errors that
/// validation reports together, instead of an exception on the first one.
/// </summary>
public static class DaemonOptionsBinder
{
    public static void Bind(IConfiguration configuration, DaemonOptions options)
    {
        var paths = configuration.GetSection(nameof(DaemonOptions.Paths));
        var listed = paths.GetChildren().Select(c => c.Value).OfType<string>().ToList();
        if (listed.Count > 0) options.Paths = listed;
        else if (paths.Value is { Length: > 0 } single) options.Paths = [.. single.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)];

        options.Target = configuration[nameof(DaemonOptions.Target)] ?? options.Target;
        options.EndpointUrl = configuration[nameof(DaemonOptions.EndpointUrl)] ?? options.EndpointUrl;
        options.Region = configuration[nameof(DaemonOptions.Region)] ?? options.Region;
        options.Profile = configuration[nameof(DaemonOptions.Profile)] ?? options.Profile;
        options.LocalAccount = configuration[nameof(DaemonOptions.LocalAccount)] ?? options.LocalAccount;
        options.Listen = configuration[nameof(DaemonOptions.Listen)] ?? options.Listen;
        options.Owner = configuration[nameof(DaemonOptions.Owner)] ?? options.Owner;
        options.LogFormat = configuration[nameof(DaemonOptions.LogFormat)] ?? options.LogFormat;

        options.ListenAny = ReadBool(configuration, nameof(DaemonOptions.ListenAny), options, options.ListenAny);
        options.ObserveOnly = ReadBool(configuration, nameof(DaemonOptions.ObserveOnly), options, options.ObserveOnly);
        options.Prune = ReadBool(configuration, nameof(DaemonOptions.Prune), options, options.Prune);

        options.Interval = ReadDuration(configuration, nameof(DaemonOptions.Interval), options, options.Interval);
        options.Debounce = ReadDuration(configuration, nameof(DaemonOptions.Debounce), options, options.Debounce);
        options.TagRefreshInterval = ReadDuration(configuration, nameof(DaemonOptions.TagRefreshInterval), options, options.TagRefreshInterval);
        options.ShutdownGrace = ReadDuration(configuration, nameof(DaemonOptions.ShutdownGrace), options, options.ShutdownGrace);
        options.TickTimeout = ReadDuration(configuration, nameof(DaemonOptions.TickTimeout), options, options.TickTimeout);
        options.BackoffBase = ReadDuration(configuration, nameof(DaemonOptions.BackoffBase), options, options.BackoffBase);
        options.MaxBackoff = ReadDuration(configuration, nameof(DaemonOptions.MaxBackoff), options, options.MaxBackoff);

        if (configuration[nameof(DaemonOptions.MaxRps)] is { } rps)
        {
            if (double.TryParse(rps, NumberStyles.Float, CultureInfo.InvariantCulture, out var perSecond)) options.MaxRps = perSecond;
            else options.BindingErrors.Add($"MaxRps: '{rps}' is not a number of requests per second (0 for no cap)");
        }
        if (configuration[nameof(DaemonOptions.MaxDeletes)] is { } deletes)
        {
            if (int.TryParse(deletes, NumberStyles.Integer, CultureInfo.InvariantCulture, out var limit)) options.MaxDeletes = limit;
            else options.BindingErrors.Add($"MaxDeletes: '{deletes}' is not a whole number");
        }

        var jitter = configuration[nameof(DaemonOptions.Jitter)];
        if (jitter is not null)
        {
            if (double.TryParse(jitter, NumberStyles.Float, CultureInfo.InvariantCulture, out var fraction)) options.Jitter = fraction;
            else options.BindingErrors.Add($"Jitter: '{jitter}' is not a number (expected a fraction such as 0.1)");
        }
    }

    private static TimeSpan ReadDuration(IConfiguration configuration, string key, DaemonOptions options, TimeSpan fallback)
    {
        var text = configuration[key];
        if (text is null) return fallback;
        if (Duration.TryParse(text, out var value)) return value;
        options.BindingErrors.Add($"{key}: '{text}' is not a duration (expected e.g. 500ms, 60s, 5m, 1h)");
        return fallback;
    }

    private static bool ReadBool(IConfiguration configuration, string key, DaemonOptions options, bool fallback)
    {
        var text = configuration[key];
        if (text is null) return fallback;
        if (bool.TryParse(text, out var value)) return value;
        options.BindingErrors.Add($"{key}: '{text}' is not true or false");
        return fallback;
    }
}
