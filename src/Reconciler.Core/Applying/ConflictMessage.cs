using System.Text.RegularExpressions;

namespace Reconciler.Core.Applying;

/// <summary>
/// Reads the existing mapping's UUID out of a create's ResourceConflictException ("... already exists.
/// Please update or delete the existing mapping with UUID 1b2c..."). The message also quotes the event source ARN,
/// and an MSK cluster ARN ends in a UUID of its own (cluster/name/6f3a2b1c-...-2), so the UUID that follows the word
/// UUID wins, and otherwise only one standing alone (not inside an ARN) is taken.
/// </summary>
internal static partial class ConflictMessage
{
    private const string Uuid = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    [GeneratedRegex(@"\bUUID:?\s+(" + Uuid + @")(?![\w-])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NamedUuidPattern();

    [GeneratedRegex(@"(?<![\w/:.-])" + Uuid + @"(?![\w/:-])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex StandaloneUuidPattern();

    public static string? FindUuid(string message)
    {
        var named = NamedUuidPattern().Match(message);
        if (named.Success) return named.Groups[1].Value;
        var standalone = StandaloneUuidPattern().Matches(message);
        return standalone.Count > 0 ? standalone[^1].Value : null;
    }
}
