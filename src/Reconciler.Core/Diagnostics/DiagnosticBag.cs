namespace Reconciler.Core.Diagnostics;

/// <summary>Collects diagnostics in the order found; nothing may act on input while it holds an error.</summary>
public sealed class DiagnosticBag
{
    private readonly List<Diagnostic> _items = [];

    public IReadOnlyList<Diagnostic> Items => _items;

    public bool HasErrors => _items.Exists(d => d.Severity == Severity.Error);

    public void Add(Diagnostic diagnostic) => _items.Add(diagnostic);

    public void AddRange(IEnumerable<Diagnostic> diagnostics) => _items.AddRange(diagnostics);

    public void Error(SourceLocation location, string field, string message) =>
        _items.Add(Diagnostic.Error(location, field, message));

    public void Warning(SourceLocation location, string field, string message) =>
        _items.Add(Diagnostic.Warning(location, field, message));

    /// <summary>Sorted by file, line, column, so output is deterministic whatever order the checks ran in.</summary>
    public IReadOnlyList<Diagnostic> Sorted() =>
        [.. _items.OrderBy(d => d.Location.File, StringComparer.Ordinal)
                  .ThenBy(d => d.Location.Line)
                  .ThenBy(d => d.Location.Column)];
}
