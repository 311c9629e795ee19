using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Reconciler.Core.Diagnostics;
using Reconciler.Core.Manifests;
using Reconciler.Core.Tests.Validation;
using Reconciler.Testing;

namespace Reconciler.Core.Tests.Manifests;

/// <summary>The corpus of broken files under Fixtures/broken: each yields its diagnostic at the right place,
/// as a value, never an exception, and no mapping comes out.</summary>
public sealed class BrokenFileTests
{
    [Theory]
    [InlineData("syntax-unclosed-flow.yaml", 8, "", "YAML syntax error")]
    [InlineData("type-batchsize-string.yaml", 8, "spec.batchSize", "expected an integer, got \"ten\"")]
    [InlineData("misspelt-batchsize.yaml", 8, "spec.batchsize", "unknown field, did you mean `batchSize`?")]
    [InlineData("misspelt-nested.yaml", 9, "spec.scalingConfig.maxConcurrency", "did you mean `maximumConcurrency`?")]
    [InlineData("unknown-field.yaml", 8, "spec.retries", "unknown field `retries`; allowed here:")]
    [InlineData("duplicate-key.yaml", 9, "", "duplicate key `batchSize` (first written at line 8)")]
    [InlineData("alias-bomb.yaml", 4, "", "more than 10000 nodes")]
    [InlineData("binary-junk.yaml", 2, "", "binary data (control character U+0000)")]
    [InlineData("latin1.yaml", 4, "", "not valid UTF-8 (byte 0xE9)")]
    [InlineData("not-a-mapping.yaml", 1, "", "must be a mapping")]
    [InlineData("wrong-apiversion.yaml", 1, "apiVersion", "esmctl reads only `apiVersion: esmctl/v1`")]
    [InlineData("wrong-kind.yaml", 2, "kind", "esmctl reads only `kind: EventSourceMapping`")]
    [InlineData("missing-function.yaml", 5, "spec.functionName", "missing required field `functionName`")]
    [InlineData("unquoted-account.yaml", 5, "metadata.account", "quote the value")]
    [InlineData("pattern-not-json.yaml", 10, "spec.filterCriteria.filters[0].pattern", "not valid JSON")]
    [InlineData("bad-timestamp.yaml", 9, "spec.startingPositionTimestamp", "not an ISO-8601 date-time")]
    [InlineData("batchsize-out-of-range.yaml", 8, "spec.batchSize", "above the maximum 10000")]
    [InlineData("bad-name.yaml", 4, "metadata.name", "\"Orders_Processor\" is not a valid name: lowercase letters")]
    [InlineData("bad-function-name.yaml", 6, "spec.functionName", "is not a function name (my-function)")]
    [InlineData("float-for-integer.yaml", 9, "spec.parallelizationFactor", "expected an integer, got 1.5")]
    [InlineData("bad-enum.yaml", 8, "spec.startingPosition", "is not one of: TRIM_HORIZON, LATEST, AT_TIMESTAMP")]
    public void Broken_file_yields_its_diagnostic_at_the_right_line(string name, int line, string field, string message)
    {
        var path = RepositoryPaths.InTests("Reconciler.Core.Tests", "Fixtures", "broken", name);
        var set = ManifestLoader.Load([path], new ManualTimeProvider(Load.Now));

        Assert.True(set.HasErrors);
        Assert.Empty(set.Mappings);
        var match = set.Diagnostics.Where(d => d.Severity == Severity.Error && d.Message.Contains(message, StringComparison.Ordinal)).ToList();
        Assert.True(match.Count == 1, $"expected one error containing '{message}', got:\n{string.Join("\n", set.Diagnostics)}");
        Assert.Equal(path, match[0].Location.File);
        Assert.Equal(line, match[0].Location.Line);
        Assert.Equal(field, match[0].Field);
    }

    [Fact]
    public void Huge_file_is_refused_before_it_is_parsed()
    {
        var yaml = "apiVersion: esmctl/v1\n# " + new string('x', ParseLimits.MaxFileBytes) + "\n";
        var set = Load.Text(yaml);
        var error = Assert.Single(set.Diagnostics);
        Assert.Contains("over the 1048576-byte limit", error.Message);
    }

    [Fact]
    public void Huge_file_on_disk_is_refused_without_reading_it()
    {
        var directory = Directory.CreateTempSubdirectory("esmctl-huge-");
        try
        {
            var path = Path.Combine(directory.FullName, "huge.yaml");
            File.WriteAllBytes(path, new byte[ParseLimits.MaxFileBytes + 1]);
            var set = ManifestLoader.Load([path], new ManualTimeProvider(Load.Now));
            Assert.Contains(set.Diagnostics, d => d.Message.Contains("over the 1048576-byte limit") && d.Location.Line == 1);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void Deep_nesting_is_refused()
    {
        var yaml = "apiVersion: esmctl/v1\nspec: " + new string('[', 100_000) + new string(']', 100_000) + "\n";
        var set = Load.Text(yaml);
        Assert.Contains(set.Diagnostics, d => d.Message.Contains("nests deeper than 32 levels") && d.Location.Line == 2);
    }

    [Fact]
    public void Utf16_is_named_as_such()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("apiVersion: esmctl/v1\n")).ToArray();
        var set = ManifestLoader.Load([new ManifestFile("u.yaml", bytes)], new ManualTimeProvider(Load.Now));
        Assert.Contains("UTF-16", Assert.Single(set.Diagnostics).Message);
    }

    [Fact]
    public void Random_bytes_never_throw()
    {
        var bytes = Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b)).ToArbitrary();
        Prop.ForAll(bytes, content =>
        {
            var set = ManifestLoader.Load([new ManifestFile("junk.yaml", content)], new ManualTimeProvider(Load.Now));
            return set.Mappings.Count == 0 && set.Diagnostics.All(d => d.Location.Line >= 1 && d.Location.Column >= 1);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Cut_and_garbled_examples_never_throw_and_never_yield_mappings_with_errors()
    {
        // Start from a real manifest, cut it anywhere and append YAML punctuation: reaches every layer.
        var example = File.ReadAllText(Path.Combine(RepositoryPaths.Examples, "sqs-standard.yaml"));
        var junk = Gen.ArrayOf(Gen.Elements(':', '-', '[', ']', '{', '}', '&', '*', '!', '|', '>', '\'', '"', '#', '\n', ' ', 'a', '1', '?', ',', '%', '<'))
            .Select(chars => new string(chars));
        var mutated = Gen.Choose(0, example.Length).SelectMany(cut => junk.Select(tail => example[..cut] + tail));
        Prop.ForAll(mutated.ToArbitrary(), text =>
        {
            var set = Load.Text(text);
            return (!set.HasErrors || set.Mappings.Count == 0)
                && set.Diagnostics.All(d => d.Location.Line >= 1 && d.Location.Column >= 1 && d.Message.Length > 0);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Every_problem_in_a_file_is_reported_in_one_run()
    {
        var set = Load.Text("""
            apiVersion: esmctl/v1
            kind: EventSourceMapping
            metadata:
              name: Bad_Name
            spec:
              functionName: f
              eventSourceArn: arn:aws:sqs:us-east-1:123456789012:q
              batchsize: 10
              enabled: yes
            """);
        Assert.Equal([4, 8, 9], set.Diagnostics.Select(d => d.Location.Line));
    }
}
