using Microsoft.Extensions.Configuration;

namespace Esmctl.Daemon;

/// <summary>
/// Layers the daemon's settings: the optional config file (JSON), then ESMCTL_* environment variables, then
/// the command line; later layers win. Environment names drop the prefix and underscores, and "__" nests:
/// ESMCTL_OBSERVE_ONLY=true, ESMCTL_TAG_REFRESH_INTERVAL=15m, ESMCTL_PATHS__0=/manifests.
/// </summary>
public static class DaemonConfiguration
{
    public const string EnvironmentPrefix = "ESMCTL_";

    /// <summary>Names the config file when --config is not given.</summary>
    public const string ConfigFileVariable = EnvironmentPrefix + "CONFIG";

    public static IConfiguration Build(string? configFile, IReadOnlyDictionary<string, string?> commandLine, IReadOnlyDictionary<string, string> environment)
    {
        var variables = FromEnvironment(environment);
        configFile ??= environment.GetValueOrDefault(ConfigFileVariable);
        var builder = new ConfigurationBuilder();
        if (!string.IsNullOrEmpty(configFile))
        {
            // An explicitly named file that is missing is an error, not a silent fallback to defaults.
            builder.AddJsonFile(Path.GetFullPath(configFile), optional: false, reloadOnChange: false);
        }
        return builder
            .AddInMemoryCollection(variables)
            .AddInMemoryCollection(commandLine)
            .Build();
    }

    public static Dictionary<string, string?> FromEnvironment(IReadOnlyDictionary<string, string> environment)
    {
        var result = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in environment)
        {
            if (!name.StartsWith(EnvironmentPrefix, StringComparison.OrdinalIgnoreCase)) continue;
            var key = string.Join(':', name[EnvironmentPrefix.Length..]
                .Split("__")
                .Select(segment => segment.Replace("_", "", StringComparison.Ordinal)));
            if (key.Length > 0 && !key.Equals("CONFIG", StringComparison.OrdinalIgnoreCase)) result[key] = value;
        }
        return result;
    }
}
