using System.Text;
using Reconciler.Core.Diagnostics;
using Reconciler.Core.Manifests;

namespace Reconciler.Core.Tests.Manifests;

/// <summary>A filter pattern written as YAML becomes the JSON text Json.NET writes for it; where PlainJson writes it
/// instead, the text must be the same, byte for byte, and what it declines must be what it cannot spell the same.</summary>
public sealed class PlainJsonTests
{
    [Theory]
    [InlineData("p: {body: {temperature: [{numeric: ['>', 0, '<=', 100]}], status: [ACTIVE, \"ON\"]}}")]
    [InlineData("p: {a: [1, -2, +3, 0], b: true, c: False, d: null, e: ~, f: '', g: [], h: {}}")]
    [InlineData("p: {metadata: {tags: [a/b, 'x y', '<&>', \"it's\"]}}")]
    [InlineData("p: {a: 1.5, b: 'x'}")]
    [InlineData("p: {a: \"quote \\\" inside\"}")]
    [InlineData("p: {a: \"tab\\tinside\"}")]
    [InlineData("p: {a: Ünïcödé}")]
    [InlineData("p: {a: 99999999999999999999}")]
    [InlineData("p: {a: '10', b: !!str 7, c: !!int 8}")]
    public void Writes_what_JsonNet_writes_or_declines(string yaml)
    {
        var diagnostics = new DiagnosticBag();
        var composed = new YamlComposer("p.yaml", diagnostics).Compose(yaml);
        var pattern = ((MappingNode)composed.Single().Root!)["p"]!;
        var expected = ((Newtonsoft.Json.Linq.JToken)JsonTree.Build(pattern, new NodeLocator(pattern.Location, ""), "")).ToString(Newtonsoft.Json.Formatting.None);

        var text = new StringBuilder();
        if (PlainJson.TryWrite(pattern, text)) Assert.Equal(expected, text.ToString());
        else Assert.Matches(@"\.|\\|[^\x00-\x7f]|E\+|\d{20}", expected); // declined only what has a float, an escape, non-ASCII text or a number beyond 64 bits
    }

    [Fact]
    public void Writes_the_usual_pattern_itself()
    {
        var diagnostics = new DiagnosticBag();
        var pattern = ((MappingNode)new YamlComposer("p.yaml", diagnostics).Compose("p: {body: {status: [ACTIVE], n: [{numeric: ['>', 0]}]}}").Single().Root!)["p"]!;
        var text = new StringBuilder();
        Assert.True(PlainJson.TryWrite(pattern, text));
        Assert.Equal("""{"body":{"status":["ACTIVE"],"n":[{"numeric":[">",0]}]}}""", text.ToString());
    }
}
