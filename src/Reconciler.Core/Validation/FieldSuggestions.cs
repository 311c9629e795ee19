namespace Reconciler.Core.Validation;

/// <summary>"Did you mean" for unknown field names: a case-insensitive match first, then the closest name by
/// edit distance, if it is close enough to be a plausible typo.</summary>
public static class FieldSuggestions
{
    public static string? Closest(string unknown, IEnumerable<string> allowed)
    {
        var candidates = allowed.ToList();
        var sameIgnoringCase = candidates.FirstOrDefault(c => string.Equals(c, unknown, StringComparison.OrdinalIgnoreCase));
        if (sameIgnoringCase is not null) return sameIgnoringCase;

        var lowered = unknown.ToLowerInvariant();
        var best = candidates
            .Select(c => (Name: c, Distance: EditDistance(lowered, c.ToLowerInvariant())))
            .OrderBy(c => c.Distance)
            .ThenBy(c => c.Name, StringComparer.Ordinal)
            .FirstOrDefault();
        var tolerance = Math.Max(2, unknown.Length / 3);
        return best.Name is not null && best.Distance <= tolerance ? best.Name : null;
    }

    /// <summary>Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours.</summary>
    public static int EditDistance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }
        return d[a.Length, b.Length];
    }
}
