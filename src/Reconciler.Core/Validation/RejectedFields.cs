namespace Reconciler.Core.Validation;

/// <summary>
/// The fields of one manifest that the schema or the reader rejected, by the member a rule reads: <c>batchSize</c>
/// for spec.batchSize and everything below a spec member (spec.filterCriteria.filters[0] rejects filterCriteria),
/// <c>metadata.region</c> for metadata fields, and <c>spec</c> or <c>metadata</c> when the whole section is wrong.
/// </summary>
/// <remarks>Some collections are judged element by element, because their elements are independent: a filter
/// (<c>filterCriteria.filters[1]</c>), a tag (<c>tags.team</c>) and a self-managed Kafka broker
/// (<c>selfManagedEventSource.endpoints.KAFKA_BOOTSTRAP_SERVERS[0]</c>). A schema error inside one of them rejects
/// that element only, so the rules still check the rest in the same run (a malformed broker still leaves the mapping a
/// self-managed Kafka one, whose own rules apply).</remarks>
internal sealed partial class RejectedFields
{
    // Made on the first rejection: most documents have none.
    private HashSet<string>? _members;
    private HashSet<string>? _elements;

    public static readonly RejectedFields None = new();

    /// <summary>No whole member is rejected (elements may be: the reader reads around them).</summary>
    public bool IsEmpty => _members is null or { Count: 0 };

    /// <summary>A filter or tag that was rejected: <c>filterCriteria.filters[1]</c>, <c>tags.team</c>.</summary>
    public bool ContainsElement(string element) => _elements?.Contains(element) == true;

    /// <summary>A section itself is wrong or missing: nothing in it can be read.</summary>
    public bool Section(string name) => _members?.Contains(name) == true;

    public bool Contains(string member) => _members?.Contains(member) == true;

    /// <summary>Records a rejected field path as written in diagnostics (spec.filterCriteria.filters[0].pattern).</summary>
    public void Add(string path)
    {
        if (path.Length == 0) return;
        if (ElementOf(path) is { } element) (_elements ??= new HashSet<string>(StringComparer.Ordinal)).Add(element);
        else (_members ??= new HashSet<string>(StringComparer.Ordinal)).Add(MemberOf(path));
    }

    /// <summary>spec.filterCriteria.filters[1].pattern → filterCriteria.filters[1] (a filter that is not a mapping at all
    /// rejects filterCriteria: the reader leaves it out of the list, so the later filters' indices would no longer be
    /// theirs); spec.tags.team → tags.team (a tag's
    /// value is a scalar, so the rest of the path is its key, dots and all); a broker of KAFKA_BOOTSTRAP_SERVERS → itself;
    /// anything else → null.</summary>
    public static string? ElementOf(string path)
    {
        const string Tags = "spec.tags.";
        if (path.StartsWith(Tags, StringComparison.Ordinal) && path.Length > Tags.Length) return path["spec.".Length..];
        return Element().Match(path) is { Success: true } element ? element.Groups[1].Value : null;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^spec\.(filterCriteria\.filters\[\d+\](?=\.)|selfManagedEventSource\.endpoints\.KAFKA_BOOTSTRAP_SERVERS\[\d+\]$)")]
    private static partial System.Text.RegularExpressions.Regex Element();

    /// <summary>spec.a.b[0] → a; metadata.name → metadata.name; spec → spec; metadata → metadata; a field at the
    /// document's top level that is no section (a misplaced batchSize) → /batchSize, which no rule reads.</summary>
    public static string MemberOf(string path)
    {
        var end = path.IndexOfAny(['.', '[']);
        var section = end < 0 ? path : path[..end];
        if (section is not ("spec" or "metadata")) return "/" + section;
        if (end < 0 || path[end] == '[') return section;
        var rest = path[(end + 1)..];
        var memberEnd = rest.IndexOfAny(['.', '[']);
        var member = memberEnd < 0 ? rest : rest[..memberEnd];
        return section == "spec" ? member : section + "." + member;
    }

    /// <summary>The top-level name in the section's JSON (spec → "batchSize", metadata → "name") for pruning.</summary>
    public IEnumerable<(string Section, string Name)> Paths() =>
        (_members ?? []).Where(m => !m.StartsWith('/') && m is not ("spec" or "metadata"))
            .Select(m => m.StartsWith("metadata.", StringComparison.Ordinal) ? ("metadata", m["metadata.".Length..]) : ("spec", m));
}
