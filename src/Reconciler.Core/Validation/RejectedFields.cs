namespace Reconciler.Core.Validation;

/// <summary>
/// The fields of one manifest that the schema or the reader rejected, by the member a rule reads: <c>batchSize</c>
/// for spec.batchSize and everything below a spec member (spec.filterCriteria.filters[0] rejects filterCriteria),
/// <c>metadata.region</c> for metadata fields, and <c>spec</c> or <c>metadata</c> when the whole section is wrong.
/// </summary>
internal sealed class RejectedFields
{
    // Made on the first rejection: most documents have none.
    private HashSet<string>? _members;

    public static readonly RejectedFields None = new();

    public bool IsEmpty => _members is null or { Count: 0 };

    /// <summary>A section itself is wrong or missing: nothing in it can be read.</summary>
    public bool Section(string name) => _members?.Contains(name) == true;

    public bool Contains(string member) => _members?.Contains(member) == true;

    /// <summary>Records a rejected field path as written in diagnostics (spec.filterCriteria.filters[0].pattern).</summary>
    public void Add(string path)
    {
        if (path.Length == 0) return;
        (_members ??= new HashSet<string>(StringComparer.Ordinal)).Add(MemberOf(path));
    }

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
