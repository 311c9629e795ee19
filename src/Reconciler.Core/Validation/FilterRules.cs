namespace Reconciler.Core.Validation;

/// <summary>FilterCriteria as AWS checks it on create: at most five filters, each with a pattern of at most 4,096
/// characters as sent (a pattern written as YAML is sent as compact JSON), in the filter grammar.</summary>
internal static class FilterRules
{
    /// <summary>AWS's default quota of filters per mapping. It can be raised to 10 per account on request, but that
    /// cannot be known offline, and a refused create after a replacement's delete loses the mapping.</summary>
    public const int MaxFilters = 5;

    public const int MaxPatternLength = 4096;

    public const string AwsRefusal = "AWS answers \"Invalid filter pattern definition.\"";

    public static void Check(RuleContext c)
    {
        if (c.Request.FilterCriteria?.Filters is not { } filters) return;
        if (filters.Count > MaxFilters)
            c.Error("filterCriteria.filters", $"{filters.Count} filters: a mapping takes at most {MaxFilters} (AWS's default quota; a raised quota cannot be checked offline)");
        for (var i = 0; i < filters.Count; i++)
        {
            // Its schema error is reported; the other filters are still checked.
            if (c.ElementRejected($"filterCriteria.filters[{i}]")) continue;
            var field = $"filterCriteria.filters[{i}].pattern";
            if (filters[i].Pattern is not { } pattern)
            {
                c.ErrorAtKey(field, $"missing: every filter needs a pattern ({AwsRefusal})");
                continue;
            }
            if (pattern.Length > MaxPatternLength)
                c.Error(field, $"the pattern is {pattern.Length} characters as sent to AWS (compact JSON); at most {MaxPatternLength} are allowed");
            foreach (var (message, place) in FilterPatternGrammar.Check(pattern))
                c.Error(field, $"{message} ({AwsRefusal})", place);
            foreach (var (message, place) in FilterPatternGrammar.RepeatedKeys(pattern))
                c.Warning(field, message, place);
        }
    }
}
