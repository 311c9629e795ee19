using System.Text.RegularExpressions;

namespace Reconciler.Core.Applying;

/// <summary>
/// Reads the existing mapping's UUID out of a create's ResourceConflictException ("... already exists.
/// Please update or delete the existing mapping with UUID 1b2c...").
/// </summary>
internal static partial class ConflictMessage
{
    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UuidPattern();

    public static string? FindUuid(string message)
    {
        var match = UuidPattern().Match(message);
        return match.Success ? match.Value : null;
    }
}
