using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Reconciler.Core.Diagnostics;
using Reconciler.Core.Manifests;
using Reconciler.Testing;

namespace Reconciler.Core.Tests.Manifests;

/// <summary>
/// <see cref="BlockYamlReader"/> may only decline or answer exactly as <see cref="YamlComposer"/> (YamlDotNet) does: the
/// same documents and document starts, the same trees (node kinds, values, styles, tags, lines, columns, offsets,
/// expanded sizes, so the same scalar typing) and the same diagnostics. Held on every YAML file in the repository, on
/// generated manifest-like YAML in every style the reader knows, and on thousands of mutations of it (characters YAML
/// gives meaning to inserted anywhere, indentation shifted, lines doubled, CRLF, tabs, unicode).
/// </summary>
public sealed class BlockYamlReaderTests
{
    private const string File = "m.yaml";

    public static TheoryData<string> RepositoryYaml()
    {
        var data = new TheoryData<string>();
        foreach (var file in AllYaml()) data.Add(Path.GetRelativePath(RepositoryPaths.Root, file));
        return data;
    }

    [Theory]
    [MemberData(nameof(RepositoryYaml))]
    public void Agrees_with_YamlDotNet_on_the_repositorys_yaml(string relativePath)
    {
        var bytes = System.IO.File.ReadAllBytes(Path.Combine(RepositoryPaths.Root, relativePath));
        var text = ManifestText.Decode(File, bytes, new DiagnosticBag());
        if (text is null) return; // refused before parsing (not UTF-8, too large): neither path runs
        AssertAgree(text);
    }

    [Fact]
    public void Reads_every_example_itself()
    {
        var examples = Directory.GetFiles(RepositoryPaths.Examples, "*.y*ml", SearchOption.AllDirectories);
        Assert.NotEmpty(examples);
        var read = examples.Count(f => BlockYamlReader.TryCompose(File, System.IO.File.ReadAllText(f), new DiagnosticBag()) is not null);
        // The examples show block scalars and flow lists too; most are plain block style.
        Assert.True(read * 2 >= examples.Length, $"the reader took {read} of {examples.Length} examples");
    }

    [Theory]
    [InlineData("a: b\n")]
    [InlineData("a: b\r\nc: d\r\n")]
    [InlineData("a:\n  b: c\n  d:\n  - x\n  - 'y'\n")]
    [InlineData("a:\n- b: 1\n  c: 2\n-   d: \"e\"\n    f: g\n")]
    [InlineData("a:\nb:\n")]
    [InlineData("a:   \nb: # c\n")]
    [InlineData("a:")]
    [InlineData("a: 'it''s'\nb: \"\\u00e9\\\" \\\\ \\/ \\n\\t\"\n")]
    [InlineData("a: \"x: y\"\nb: 'k: v # no comment'\n")]
    [InlineData("a: x # c\nb: y#z\nc: -1\nd: arn:aws:sqs:us-east-1:1:q\n")]
    [InlineData("a: []\nb: {}\n")]
    [InlineData("a: b  \nc: d \t\n")]
    [InlineData("a: 1\na: 2\n")]
    [InlineData("a:\n  x: 1\n  x: 2\nb: 1\nb:\n  - 1\n")]
    [InlineData("---\na: 1\n---\n---\nb: 2\n---\n")]
    [InlineData("# only a comment\n")]
    [InlineData("")]
    [InlineData("---\n")]
    [InlineData("--- # c\na: 1\n...\n")]
    [InlineData("# c\n\n  # indented comment\na: 1\n   # deeper comment\nb: 2\n")]
    [InlineData("\"quoted key\": 1\n'single': 2\n")]
    [InlineData("a: é日本\nb: ü\n")]
    [InlineData("a: b: c\n")]
    [InlineData("- - x\n")]
    [InlineData("? x\n: y\n")]
    [InlineData("a: &x 1\nb: *x\n")]
    [InlineData("a: |\n  x\n")]
    [InlineData("a: multi\n  line\n")]
    [InlineData("a:\n\tb: 1\n")]
    [InlineData("a: 'open\n")]
    [InlineData("a: [1, 2]\n")]
    [InlineData("<<: {}\n")]
    [InlineData("a: \"\\x41\"\n")]
    [InlineData("%YAML 1.2\n---\na: 1\n")]
    [InlineData("  a: 1\n  b: 2\n")]
    [InlineData("a:\n  - x\n  y: 1\n")]
    [InlineData("a: 1\n - b\n")]
    [InlineData("a:\n  b\n")]
    [InlineData("a: x\n  # c\n  y\n")]
    [InlineData("a: x|y\nb: x&y\nc: x*\nd: 50%\ne: x!\nf: a'b\ng: a\"b\nh: x{y}\ni: a - b\nj: a -b\nk: x ,y\n")]
    [InlineData("a\"b: 1\na'b: 2\n-a: 3\na-: 4\n")]
    [InlineData("a: x:\n")]
    [InlineData("---x\na: 1\n")]
    [InlineData("--- x\n")]
    [InlineData("----\n")]
    [InlineData("a: 'x'#c\n")]
    [InlineData("a: \"x\" y\n")]
    [InlineData("\"a\" : 1\n")]
    [InlineData("a:value\n")]
    [InlineData("a: -\n")]
    [InlineData("a: - x\n")]
    [InlineData("-\n  a: 1\n")]
    [InlineData("a:\n-\n  b: 1\n")]
    [InlineData("a:\n- x\n  - y\n")]
    [InlineData("a:\n  - x\n- y\n")]
    [InlineData("a:\n  b: 1\n c: 2\n")]
    [InlineData("a: [x, 'y', \"z\", -1, ~]\nb: [ x ]\nc: [x,y]\n")]
    [InlineData("a: [x, ]\n")]
    [InlineData("a: [x: 1]\n")]
    [InlineData("a: [x y]\n")]
    [InlineData("a: [[x]]\n")]
    [InlineData("a: [x\n  , y]\n")]
    [InlineData("a: {x: 1}\n")]
    [InlineData("- [a, b]\n")]
    [InlineData("a: \"\\ud800\"\nb: 1\n")]
    [InlineData("a: \"\\u0009\"\n")]
    [InlineData("a: \"\\u00\"\n")]
    [InlineData("a: \"\\\"\n")]
    [InlineData("a: x\u00a0#y\n")]
    [InlineData("a: \u00a0\n")]
    [InlineData("a: b\r\n  c: d\r\n")]
    [InlineData("a: b\rc: d\n")]
    [InlineData("a: \uFEFFb\n")]
    [InlineData("a: b\u2028c: d\n")]
    [InlineData("a: b\u0085c: d\n")]
    [InlineData("\uFEFFa: b\n")]
    public void Agrees_with_YamlDotNet_on_edge_cases(string text) => AssertAgree(text);

    /// <summary>What manifests are written in is read by the reader itself (agreement alone would hold for a reader that
    /// declined everything).</summary>
    [Theory]
    [InlineData("a: b\n")]
    [InlineData("a: b\r\nc: d\r\n")]
    [InlineData("a:\n  b: c\n  d:\n  - x\n  - 'y'\n")]
    [InlineData("a:\n- b: 1\n  c: 2\n-   d: \"e\"\n    f: g\n")]
    [InlineData("a:\nb:\n")]
    [InlineData("a: 'it''s'\nb: \"\\u00e9\\\" \\\\ \\/ \\n\\t\"\n")]
    [InlineData("a: x # c\nb: y#z\nc: -1\nd: arn:aws:sqs:us-east-1:1:q\n")]
    [InlineData("a: []\nb: {}\nc: [x, 'y', \"z\", -1, ~]\n")]
    [InlineData("a: 1\na: 2\n")]
    [InlineData("---\na: 1\n---\n---\nb: 2\n---\n")]
    [InlineData("# only a comment\n")]
    [InlineData("")]
    [InlineData("a: é日本\n")]
    [InlineData("a: x|y\nb: x&y\nc: x*\nd: 50%\ne: x!\nf: a'b\ng: a\"b\nh: x{y}\ni: a - b\n")]
    public void Reads_the_block_style_itself(string text)
    {
        Assert.True(AssertAgree(text), "declined");
    }

    [Theory]
    [InlineData(1000)]
    [InlineData(1030)]
    public void Agrees_with_YamlDotNet_on_long_keys(int length) => AssertAgree(new string('k', length) + ": v\n");

    [Theory]
    [InlineData(20)]
    [InlineData(31)]
    [InlineData(40)]
    public void Agrees_with_YamlDotNet_on_deep_nesting(int depth) =>
        AssertAgree(string.Concat(Enumerable.Range(0, depth).Select(i => new string(' ', i) + "k:\n")) + new string(' ', depth) + "leaf: 1\n");

    [Theory]
    [InlineData(100)]
    [InlineData(6000)]
    public void Agrees_with_YamlDotNet_on_large_mappings(int keys) =>
        AssertAgree("tags:\n" + string.Concat(Enumerable.Range(0, keys).Select(i => $"  k{i % (keys - 3)}: v{i}\n")));

    [Fact]
    public void Reads_generated_manifests_itself_and_as_YamlDotNet_does()
    {
        var property = Prop.ForAll(Gen.Choose(0, int.MaxValue).ToArbitrary(), seed =>
        {
            var text = ManifestYaml.Generate(new Random(seed), subsetOnly: true);
            var fast = AssertAgree(text);
            Assert.True(fast, "generated in the subset, yet declined:\n" + text);
        });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(1500), property);
    }

    [Fact]
    public void Declines_or_agrees_on_any_manifest_like_yaml()
    {
        var property = Prop.ForAll(Gen.Choose(0, int.MaxValue).ToArbitrary(), seed => { AssertAgree(ManifestYaml.Generate(new Random(seed), subsetOnly: false)); });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(3000), property);
    }

    [Theory]
    [InlineData("spec:\n  topics: [-]\n")]
    [InlineData("spec:\n  topics: [a, -]\n")]
    [InlineData("spec:\r\n  topics: [-]\r\n")]
    [InlineData("spec:\n  topics:\n  -\r\n")]
    public void A_dash_before_a_flow_indicator_or_a_line_break_is_not_a_plain_scalar(string text)
    {
        // Found by the mutation property (seed 726240281): the reader took "[-]" as a list of "-", YamlDotNet refuses it.
        AssertAgree(text);
    }

    [Fact]
    public void Declines_or_agrees_on_mutated_manifests()
    {
        var taken = 0;
        var property = Prop.ForAll(Gen.Choose(0, int.MaxValue).ToArbitrary(), seed =>
        {
            var random = new Random(seed);
            var text = ManifestYaml.Mutate(random, ManifestYaml.Generate(random, subsetOnly: random.Next(2) == 0));
            if (AssertAgree(text)) taken++;
        });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(4000), property);
        // Not vacuous: many mutations (a changed value, a comment, another indentation) stay in the subset.
        Assert.True(taken > 400, $"the reader took only {taken} of 4000 mutated files");
    }

    /// <summary>Both paths on the text; true when the reader answered (and then agreed).</summary>
    private static bool AssertAgree(string text)
    {
        var slowDiagnostics = new DiagnosticBag();
        var slow = new YamlComposer(File, slowDiagnostics).Compose(text);
        var fastDiagnostics = new DiagnosticBag();
        var fast = BlockYamlReader.TryCompose(File, text, fastDiagnostics);
        if (fast is null)
        {
            Assert.Empty(fastDiagnostics.Items);
            return false;
        }
        Assert.Equal(Dump(slow, slowDiagnostics), Dump(fast, fastDiagnostics));
        return true;
    }

    private static string Dump(IReadOnlyList<(SourceLocation Start, ManifestNode? Root)> documents, DiagnosticBag diagnostics)
    {
        var dump = new StringBuilder();
        foreach (var diagnostic in diagnostics.Items)
            dump.Append($"{diagnostic.Severity} {diagnostic.Location.Line}:{diagnostic.Location.Column} {diagnostic.Field} {diagnostic.Message}\n");
        foreach (var (start, root) in documents)
        {
            dump.Append($"--- {start.File}:{start.Line}:{start.Column}\n");
            if (root is not null) Dump(root, 0, dump);
        }
        return dump.ToString();
    }

    private static void Dump(ManifestNode node, int depth, StringBuilder dump)
    {
        dump.Append(' ', depth * 2).Append($"{node.Position.File}:{node.Position.Line}:{node.Position.Column} size {node.Size} ");
        switch (node)
        {
            case ScalarNode s:
                dump.Append($"{s.Style} [{s.Start},{s.End}) tag {s.Tag ?? "-"} kind {ScalarTyping.Classify(s)} «{s.Value}»\n");
                break;
            case SequenceNode q:
                dump.Append("seq\n");
                foreach (var item in q.Items) Dump(item, depth + 1, dump);
                break;
            case MappingNode m:
                dump.Append("map\n");
                foreach (var entry in m.Entries)
                {
                    Dump(entry.Key, depth + 1, dump);
                    Dump(entry.Value, depth + 2, dump);
                }
                break;
        }
    }

    private static IEnumerable<string> AllYaml() =>
        new[] { RepositoryPaths.Examples, RepositoryPaths.InTests("Reconciler.Core.Tests"), RepositoryPaths.InTests("Reconciler.Emulator.Tests"), RepositoryPaths.InTests("Esmctl.Tests"), Path.Combine(RepositoryPaths.Root, ".github") }
            .Where(Directory.Exists)
            .SelectMany(root => Directory.EnumerateFiles(root, "*.y*ml", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
            .Where(f => new FileInfo(f).Length < 1_000_000)
            .Order(StringComparer.Ordinal);
}
