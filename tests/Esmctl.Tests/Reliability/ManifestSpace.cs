namespace Esmctl.Tests.Reliability;

/// <summary>
/// A folder of generated manifests and the seeded edits made to it between applies: updates (BatchSize),
/// replacements (StartingPosition), removals and additions. <see cref="Desired"/> is what the folder declares.
/// </summary>
internal sealed class ManifestSpace
{
    private readonly Dictionary<int, GeneratedMapping> _desired = new();
    private readonly Random _random;
    private int _next;

    public ManifestSpace(string folder, int count, int seed)
    {
        Folder = folder;
        Directory.CreateDirectory(folder);
        _random = new Random(seed);
        for (var i = 0; i < count; i++) Write(new GeneratedMapping(_next++, Small: false, FromOldest: false));
    }

    public string Folder { get; }

    public IReadOnlyCollection<GeneratedMapping> Desired => _desired.Values;

    public sealed record Edits(int Updated, int Replaced, int Removed, int Added);

    /// <summary>Changes about a fifth of the mappings each way: update, replace, remove; and adds a few new ones.</summary>
    public Edits EditRound()
    {
        var pool = _desired.Values.OrderBy(_ => _random.Next()).ToList();
        var share = Math.Max(1, pool.Count / 10);
        var update = pool.Take(share).ToList();
        var replace = pool.Skip(share).Where(m => m.CanReplace).Take(share).ToList();
        var remove = pool.Skip(share * 3).Take(share / 2 + 1).ToList();
        foreach (var m in update) Write(m with { Small = !m.Small });
        foreach (var m in replace) Write(m with { FromOldest = !m.FromOldest });
        foreach (var m in remove)
        {
            File.Delete(Path.Combine(Folder, m.FileName));
            _desired.Remove(m.Index);
        }
        var added = share / 2 + 1;
        for (var i = 0; i < added; i++) Write(new GeneratedMapping(_next++, Small: false, FromOldest: _random.Next(2) == 0));
        return new Edits(update.Count, replace.Count, remove.Count, added);
    }

    /// <summary>Replaces every replaceable mapping (for the crash test's delete-then-create window).</summary>
    public int ReplaceAll()
    {
        var replace = _desired.Values.Where(m => m.CanReplace).ToList();
        foreach (var m in replace) Write(m with { FromOldest = !m.FromOldest });
        return replace.Count;
    }

    private void Write(GeneratedMapping mapping)
    {
        _desired[mapping.Index] = mapping;
        File.WriteAllText(Path.Combine(Folder, mapping.FileName), mapping.Yaml());
    }
}
