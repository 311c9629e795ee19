using System.Text;
using System.Text.RegularExpressions;
using Reconciler.Core.Diagnostics;
using Reconciler.Core.Manifests;
using Reconciler.Core.Validation;
using Reconciler.Testing;

namespace Reconciler.Core.Tests.Validation;

/// <summary>
/// The compiled schema may only say "conforms" where NJsonSchema finds no error, since a conforming document never
/// reaches NJsonSchema. Checked on every manifest the repository holds (examples, fixtures, the broken-file corpus) and on
/// thousands of variants of the examples: each value replaced by values of other types, lengths, ranges and spellings,
/// members removed, unknown members added.
/// </summary>
public sealed class CompiledSchemaTests
{
    private static readonly CompiledSchema Compiled = CompiledSchema.TryCompile(ManifestSchema.Text(), ManifestSchema.WholeValuePattern)
        ?? throw new InvalidOperationException("the shipped schema uses a keyword the compiled schema does not know");

    /// <summary>Values a careless or hostile author writes in place of another: every YAML type, edges of lengths and ranges.</summary>
    private static readonly string[] Replacements =
    [
        "", "~", "null", "true", "False", "yes", "0", "-1", "1", "10", "10.0", "1.5", "1e3", "-0", "+5", "0x1F", "1_000",
        "99999999999999999999", "2147483648", "-2147483649", "1e400", ".inf", ".nan", "\"10\"", "'true'", "\"\"",
        "x", "ab", "A", "arn:aws:sqs:us-east-1:123456789012:q", "arn:aws:kafka:us-east-1:123456789012:cluster/c/1",
        "LATEST", "TRIM_HORIZON", "latest", "2024-05-01T00:00:00Z", "1714521600", "[]", "[a]", "[1, 2]", "{}", "{a: 1}",
        "{pattern: x}", "!!str 5", "!!int 5", "Ünïcödé", "\"\\t\"", "'a b'", "us-east-1", "123456789012", "\"123456789012\"",
        new string('a', 63), new string('a', 64), new string('a', 129), new string('a', 257), new string('a', 4097),
        "[" + string.Join(", ", Enumerable.Repeat("t", 11)) + "]",
        // A value ending in a newline (what a | block holds): .NET's $ matches before it, AWS's whole-value match does not.
        "\"us-east-1\\n\"", "\"abc\\n\"", "\"arn:aws:sqs:us-east-1:123456789012:q\\n\"", "\"123456789012\\n\"",
        // A letter beyond the BMP (read by code point, as AWS does, in tags).
        "\"\U00020000\"",
    ];

    public static TheoryData<string> RepositoryManifests()
    {
        var data = new TheoryData<string>();
        foreach (var file in AllYaml()) data.Add(Path.GetRelativePath(RepositoryPaths.Root, file));
        return data;
    }

    [Theory]
    [MemberData(nameof(RepositoryManifests))]
    public void Conforming_only_where_NJsonSchema_finds_nothing_in_the_repositorys_manifests(string relativePath)
    {
        var text = File.ReadAllText(Path.Combine(RepositoryPaths.Root, relativePath));
        foreach (var (document, conforms, errors) in Judge(text)) AssertAgree(document, conforms, errors, relativePath);
    }

    [Fact]
    public void Every_example_takes_the_fast_path()
    {
        var examples = Directory.GetFiles(RepositoryPaths.Examples, "*.yaml");
        Assert.NotEmpty(examples);
        foreach (var file in examples)
        {
            foreach (var (_, conforms, errors) in Judge(File.ReadAllText(file)))
            {
                Assert.Empty(errors);
                Assert.True(conforms, $"{file}: valid, but the compiled schema sent it to NJsonSchema");
            }
        }
    }

    [Fact]
    public void Conforming_only_where_NJsonSchema_finds_nothing_in_variants_of_the_examples()
    {
        var checkedVariants = 0;
        var conformingVariants = 0;
        foreach (var file in Directory.GetFiles(RepositoryPaths.Examples, "*.yaml"))
        {
            var lines = File.ReadAllLines(file);
            foreach (var variant in Variants(lines))
            {
                foreach (var (document, conforms, errors) in Judge(variant))
                {
                    AssertAgree(document, conforms, errors, variant);
                    checkedVariants++;
                    if (conforms) conformingVariants++;
                }
            }
        }
        // Both verdicts are exercised: the test would pass vacuously if every variant were sent to NJsonSchema.
        Assert.True(checkedVariants > 3000, $"{checkedVariants} variants");
        Assert.True(conformingVariants > 300, $"{conformingVariants} conforming variants");
    }

    [Fact]
    public void A_schema_keyword_it_does_not_know_sends_every_document_to_NJsonSchema()
    {
        Assert.Null(CompiledSchema.TryCompile("""{"type":"object","properties":{"a":{"type":"string","format":"date-time"}}}"""));
        Assert.Null(CompiledSchema.TryCompile("""{"anyOf":[{"type":"string"}]}"""));
        Assert.Null(CompiledSchema.TryCompile("""{"type":["string","null"]}"""));
        Assert.NotNull(CompiledSchema.TryCompile("""{"type":"object","additionalProperties":false,"properties":{"a":{"type":"integer","minimum":1}}}"""));
    }

    private static void AssertAgree(ManifestDocument document, bool conforms, IReadOnlyList<string> errors, string context)
    {
        if (conforms) Assert.True(errors.Count == 0, $"compiled schema accepted what NJsonSchema rejects ({string.Join("; ", errors)}) in:\n{context}");
        _ = document;
    }

    /// <summary>Each document of the text with the compiled verdict and NJsonSchema's errors (none for another tool's
    /// document or a YAML error, which never reach the schema).</summary>
    private static IEnumerable<(ManifestDocument Document, bool Conforms, IReadOnlyList<string> Errors)> Judge(string text)
    {
        var diagnostics = new DiagnosticBag();
        foreach (var document in ManifestParser.Parse("m.yaml", Encoding.UTF8.GetBytes(text), diagnostics))
        {
            var errors = ManifestSchema.Load().Validate(document.Json).Select(e => $"{e.Kind} at {e.Path}").ToList();
            yield return (document, Compiled.Conforms(document.Root), errors);
        }
    }

    private static IEnumerable<string> Variants(string[] lines)
    {
        var value = new Regex(@"^(\s*(?:- )?[A-Za-z_][A-Za-z0-9_]*:)( .*)?$");
        var item = new Regex(@"^(\s*- )([^:]*)$");
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].TrimStart().StartsWith('#')) continue;
            var match = value.Match(lines[i]);
            var listItem = item.Match(lines[i]);
            if (match.Success)
            {
                foreach (var replacement in Replacements) yield return With(lines, i, $"{match.Groups[1].Value} {replacement}");
                yield return With(lines, i, null); // the member removed (a nested block left behind is a YAML error or a misplaced key)
                yield return With(lines, i, lines[i] + "\n" + Indent(lines[i]) + "unknownField: 1");
            }
            else if (listItem.Success)
            {
                foreach (var replacement in Replacements) yield return With(lines, i, listItem.Groups[1].Value + replacement);
            }
        }
    }

    private static string Indent(string line) => new(' ', line.Length - line.TrimStart(' ', '-').Length);

    private static string With(string[] lines, int index, string? replacement) =>
        string.Join("\n", lines.Select((line, i) => i == index ? replacement : line).Where(line => line is not null));

    private static IEnumerable<string> AllYaml() =>
        new[] { RepositoryPaths.Examples, RepositoryPaths.InTests("Reconciler.Core.Tests"), RepositoryPaths.InTests("Reconciler.Emulator.Tests"), RepositoryPaths.InTests("Esmctl.Tests") }
            .Where(Directory.Exists)
            .SelectMany(root => Directory.EnumerateFiles(root, "*.y*ml", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
            .Where(f => new FileInfo(f).Length < 1_000_000)
            .Order(StringComparer.Ordinal);
}
