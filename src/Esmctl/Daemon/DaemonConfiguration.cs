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
            // An explicitly named file that is missing is an error, not a silent fallback to defaults; a key that is no
            // setting is an error too, not silently ignored.
            var path = Path.GetFullPath(configFile);
            if (!File.Exists(path)) throw new DaemonConfigFileException([$"{configFile}: no such config file"]);
            if (DaemonConfigFile.Problems(configFile, File.ReadAllBytes(path)) is { Count: > 0 } problems) throw new DaemonConfigFileException(problems);
            builder.AddJsonFile(path, optional: false, reloadOnChange: false);
        }
        return builder
            .AddInMemoryCollection(variables)
            .AddInMemoryCollection(commandLine)
            .Build();
    }

    /// <summary>
    /// ESMCTL_* variables that are no setting but one letter or two from one (ESMCTL_INTERVALL): a warning each, with the
    /// variable meant. Not an error, and silent for names far from every setting: ESMCTL_ is also the prefix of variables
    /// the workflows and scripts use for themselves (ESMCTL_VERSION, ESMCTL_DEBUG).
    /// </summary>
    public static IReadOnlyList<string> MisspeltVariables(IReadOnlyDictionary<string, string> environment)
    {
        var settings = DaemonConfigFile.Settings.Where(s => s != "logging").ToDictionary(s => s.ToLowerInvariant(), Variable);
        var warnings = new List<string>();
        foreach (var name in environment.Keys.Order(StringComparer.Ordinal))
        {
            if (!name.StartsWith(EnvironmentPrefix, StringComparison.OrdinalIgnoreCase) || name.Contains("__", StringComparison.Ordinal)) continue;
            var key = name[EnvironmentPrefix.Length..].Replace("_", "", StringComparison.Ordinal).ToLowerInvariant();
            if (key.Length == 0 || key == "config" || settings.ContainsKey(key)) continue;
            if (Commands.UnknownOptions.Nearest(key, settings.Keys) is { } meant)
                warnings.Add($"{name} is not a setting of esmctl run and is ignored; did you mean {settings[meant]}?");
        }
        return warnings;
    }

    /// <summary>A setting's variable: interval is ESMCTL_INTERVAL, tagRefreshInterval ESMCTL_TAG_REFRESH_INTERVAL.</summary>
    private static string Variable(string setting) =>
        EnvironmentPrefix + string.Concat(setting.Select(c => char.IsUpper(c) ? "_" + c : char.ToUpperInvariant(c).ToString()));

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
