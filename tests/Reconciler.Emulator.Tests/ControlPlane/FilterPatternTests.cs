using System.Text.Json.Nodes;
using Reconciler.Core.Model;
using Reconciler.Emulator.ControlPlane;
using Reconciler.Emulator.Tests.Support;
using Reconciler.Testing;

namespace Reconciler.Emulator.Tests.ControlPlane;

/// <summary>
/// The emulator's own filter pattern check (<see cref="FilterPatternGrammar"/>), judged against what AWS decided, with
/// no help from esmctl's offline validator (Core's grammar): if both shared one reading of the grammar, a mistake in it
/// would pass every test. The oracle is the vendored corpus of event patterns AWS was recorded judging
/// (tests/Reference/eventbridge-patterns, EventBridge and Lambda share event-ruler's pattern compiler) and the empty
/// operands AWS accepts.
/// </summary>
public class FilterPatternTests
{
    /// <summary>Refused by AWS, accepted by the emulator, and why: a limit it does not compute.</summary>
    private static readonly Dictionary<string, string> NotRefusedByTheEmulator = new(StringComparer.Ordinal)
    {
        ["content_wildcard_complex_EXC"] = "wildcard complexity (event-ruler's cost of * and repeated sequences)",
    };

    public static TheoryData<string, string, bool> RecordedEventBridgePatterns()
    {
        var data = new TheoryData<string, string, bool>();
        var file = JsonNode.Parse(File.ReadAllText(RepositoryPaths.InTests("Reference", "eventbridge-patterns", "patterns.json")))!;
        foreach (var entry in file["patterns"]!.AsArray())
            data.Add((string)entry!["label"]!, (string)entry["pattern"]!, (bool)entry["awsAccepted"]!);
        return data;
    }

    [Theory]
    [MemberData(nameof(RecordedEventBridgePatterns))]
    public void Every_pattern_AWS_was_recorded_judging_gets_AWS_s_verdict(string label, string pattern, bool awsAccepted)
    {
        var accepted = FilterPatternGrammar.IsValid(pattern);
        if (NotRefusedByTheEmulator.ContainsKey(label))
        {
            Assert.False(awsAccepted);
            Assert.True(accepted);
            return;
        }
        Assert.True(awsAccepted == accepted, $"{label}: AWS {(awsAccepted ? "accepted" : "refused")} {pattern}; the emulator {(accepted ? "accepted" : "refused")} it");
    }

    [Theory]
    [InlineData("""{"body": {"k": [{"prefix": ""}]}}""")]
    [InlineData("""{"body": {"k": [{"suffix": ""}]}}""")]
    [InlineData("""{"body": {"k": [{"equals-ignore-case": ""}]}}""")]
    [InlineData("""{"body": {"k": [{"prefix": {"equals-ignore-case": ""}}]}}""")]
    public async Task Empty_operands_AWS_accepts_are_accepted_on_create(string pattern)
    {
        Assert.True(FilterPatternGrammar.IsValid(pattern), pattern);
        var plane = Planes.InMemory();
        var created = await plane.CreateAsync(Sources.Sqs() with { FilterCriteria = new FilterCriteria([new Filter(pattern)]) }, CancellationToken.None);
        Assert.Equal(pattern, Assert.Single(created.Configuration.FilterCriteria!.Filters!).Pattern);
    }

    [Theory]
    [InlineData("""{"body": {"k": [{"anything-but": {"prefix": ""}}]}}""")]
    [InlineData("""{"body": {"k": [{"anything-but": {"suffix": [".txt", ""]}}]}}""")]
    [InlineData("""{"body": {"k": [{"prefix": 1}]}}""")]
    [InlineData("""{"body": {"k": [{"wildcard": "a**b"}]}}""")]
    public async Task Operands_AWS_refuses_are_refused_on_create(string pattern)
    {
        Assert.False(FilterPatternGrammar.IsValid(pattern), pattern);
        var plane = Planes.InMemory();
        var refused = await Assert.ThrowsAnyAsync<Exception>(() =>
            plane.CreateAsync(Sources.Sqs() with { FilterCriteria = new FilterCriteria([new Filter(pattern)]) }, CancellationToken.None));
        Assert.Contains(FilterPatternGrammar.InvalidMessage, refused.Message);
    }

    [Fact]
    public void An_escaped_star_before_a_wildcard_is_not_two_wildcards() =>
        Assert.True(FilterPatternGrammar.IsValid("""{"k": [{"wildcard": "a\\**"}]}"""));
}
