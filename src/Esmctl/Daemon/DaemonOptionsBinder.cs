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
