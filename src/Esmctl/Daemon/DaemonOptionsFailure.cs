using System.Text.RegularExpressions;

namespace Esmctl.Daemon;

/// <summary>A failure of the daemon's options in words a user acts on: the options pattern's DataAnnotations
/// message ("DataAnnotation validation failed for 'DaemonOptions' members: 'X' with the error: 'Y'.") becomes "X: Y".</summary>
public static partial class DaemonOptionsFailure
{
    public static string Describe(string failure)
    {
        var annotation = DataAnnotation().Match(failure);
        var text = annotation.Success ? $"{annotation.Groups["member"].Value}: {annotation.Groups["error"].Value}" : failure;
        return text.TrimEnd('.');
    }

    [GeneratedRegex(@"^DataAnnotation validation failed for '[^']*' members: '(?<member>[^']*)' with the error: '(?<error>.*)'\.?$", RegexOptions.Singleline)]
    private static partial Regex DataAnnotation();
}
