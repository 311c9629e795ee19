using System.Text;

namespace Reconciler.Emulator.ControlPlane;

/// <summary>NextMarker: opaque to clients, internally the creation sequence of the last mapping returned, so a page
/// resumes after it even if mappings were created or deleted in between.</summary>
internal static class ListMarker
{
    private const string Prefix = "esm-emulator:v1:";

    public static string Encode(long lastSequence) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(Prefix + lastSequence));

    public static long Decode(string marker)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(marker));
            if (text.StartsWith(Prefix, StringComparison.Ordinal) && long.TryParse(text[Prefix.Length..], out var sequence))
                return sequence;
        }
        catch (FormatException)
        {
            // Fall through to the API's answer for a marker it did not issue.
        }
        throw ApiErrors.InvalidParameter($"Invalid marker: {marker}");
    }
}
