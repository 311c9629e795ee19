using System.Globalization;
using System.Text.RegularExpressions;

namespace Esmctl.Daemon;

/// <summary>
/// Durations as people write them on a command line: "500ms", "60s", "5m", "1h", "1h30m" (Go's style, which
/// Kubernetes and Flux users know). A .NET TimeSpan ("00:01:00") is accepted too, for config files.
/// </summary>
public static partial class Duration
{
    public static bool TryParse(string? text, out TimeSpan value)
    {
        value = TimeSpan.Zero;
        if (string.IsNullOrWhiteSpace(text)) return false;
        text = text.Trim();
        if (text.Contains(':'))
        {
            return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out value);
        }
        var parts = Part().Matches(text);
        if (parts.Count == 0 || parts.Sum(m => m.Length) != text.Length) return false;
        var total = TimeSpan.Zero;
        foreach (Match part in parts)
        {
            var amount = double.Parse(part.Groups["n"].Value, CultureInfo.InvariantCulture);
            var unit = part.Groups["u"].Value switch
            {
                "ms" => TimeSpan.FromMilliseconds(1),
                "s" => TimeSpan.FromSeconds(1),
                "m" => TimeSpan.FromMinutes(1),
                _ => TimeSpan.FromHours(1),
            };
            total += unit * amount;
        }
        value = total;
        return true;
    }

    /// <summary>The shortest form TryParse reads back: "90s", "5m", "1h", "250ms".</summary>
    public static string Format(TimeSpan value)
    {
        if (value.Ticks % TimeSpan.TicksPerMillisecond != 0 || value < TimeSpan.Zero) return value.ToString("c", CultureInfo.InvariantCulture);
        if (value.Ticks % TimeSpan.TicksPerHour == 0 && value > TimeSpan.Zero) return $"{(long)value.TotalHours}h";
        if (value.Ticks % TimeSpan.TicksPerMinute == 0 && value > TimeSpan.Zero) return $"{(long)value.TotalMinutes}m";
        if (value.Ticks % TimeSpan.TicksPerSecond == 0) return $"{(long)value.TotalSeconds}s";
        return $"{(long)value.TotalMilliseconds}ms";
    }

    [GeneratedRegex(@"(?<n>\d+(\.\d+)?)(?<u>ms|s|m|h)", RegexOptions.CultureInvariant)]
    private static partial Regex Part();
}
