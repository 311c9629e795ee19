using System.Globalization;
using System.Text.RegularExpressions;

namespace Esmctl.Tests.Daemon;

/// <summary>
/// A strict reader of the Prometheus text format as the tests need it: every line is a HELP, a TYPE or a sample
/// `name{labels} value`; every sample belongs to a family declared before it. Throws on anything else.
/// </summary>
internal static partial class PrometheusTextParser
{
    public sealed record Sample(string Name, IReadOnlyDictionary<string, string> Labels, double Value);

    public static (IReadOnlyDictionary<string, string> Types, IReadOnlyList<Sample> Samples) Parse(string text)
    {
        Assert.EndsWith("\n", text);
        var types = new Dictionary<string, string>();
        var helps = new HashSet<string>();
        var samples = new List<Sample>();
        foreach (var line in text.TrimEnd('\n').Split('\n'))
        {
            if (HelpLine().Match(line) is { Success: true } help)
            {
                Assert.True(helps.Add(help.Groups["name"].Value), $"second HELP: {line}");
                continue;
            }
            if (TypeLine().Match(line) is { Success: true } type)
            {
                var name = type.Groups["name"].Value;
                Assert.Contains(name, helps);
                Assert.True(types.TryAdd(name, type.Groups["type"].Value), $"second TYPE: {line}");
                continue;
            }
            var sample = SampleLine().Match(line);
            Assert.True(sample.Success, $"not a sample line: '{line}'");
            var sampleName = sample.Groups["name"].Value;
            var family = types.Keys.SingleOrDefault(f => sampleName == f
                || (types[f] == "histogram" && (sampleName == f + "_bucket" || sampleName == f + "_sum" || sampleName == f + "_count")));
            Assert.True(family is not null, $"sample of an undeclared family: {line}");
            var labels = Label().Matches(sample.Groups["labels"].Value)
                .ToDictionary(m => m.Groups["k"].Value, m => m.Groups["v"].Value.Replace("\\\"", "\"").Replace("\\\\", "\\"));
            var value = sample.Groups["value"].Value switch
            {
                "+Inf" => double.PositiveInfinity,
                var v => double.Parse(v, NumberStyles.Float, CultureInfo.InvariantCulture),
            };
            samples.Add(new Sample(sampleName, labels, value));
        }
        return (types, samples);
    }

    public static double Value(IReadOnlyList<Sample> samples, string name, params (string Key, string Value)[] labels) =>
        samples.Single(s => s.Name == name && labels.All(l => s.Labels.TryGetValue(l.Key, out var v) && v == l.Value)
            && s.Labels.Count == labels.Length).Value;

    [GeneratedRegex(@"^# HELP (?<name>[a-zA-Z_:][a-zA-Z0-9_:]*) \S.*$")]
    private static partial Regex HelpLine();

    [GeneratedRegex(@"^# TYPE (?<name>[a-zA-Z_:][a-zA-Z0-9_:]*) (?<type>counter|gauge|histogram|summary|untyped)$")]
    private static partial Regex TypeLine();

    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>([a-zA-Z_][a-zA-Z0-9_]*=""([^""\\]|\\.)*"",?)*)\})? (?<value>\S+)$")]
    private static partial Regex SampleLine();

    [GeneratedRegex(@"(?<k>[a-zA-Z_][a-zA-Z0-9_]*)=""(?<v>([^""\\]|\\.)*)""")]
    private static partial Regex Label();
}
