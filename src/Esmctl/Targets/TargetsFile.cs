using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Esmctl.Targets;

/// <summary>
/// The optional <c>esmctl.yaml</c> at the manifests' root, declaring the accounts and regions one repository manages:
/// <code>targets: [{name, region, account, roleArn?, endpointUrl?}]</code>. Problems are messages, all reported at once.
/// </summary>
public static partial class TargetsFile
{
    public const string FileName = "esmctl.yaml";

    /// <summary>The esmctl.yaml of the only path given, when that path is a directory holding one; else null.</summary>
    /// <summary>The esmctl.yaml at the root of any folder the paths name, whether or not it is the only path: such a
    /// folder's manifests were written for the targets it lists.</summary>
    public static string? Beside(IReadOnlyList<string> paths) =>
        paths.Where(Directory.Exists).Select(p => Path.Combine(p, FileName)).FirstOrDefault(File.Exists);

    public static string? Find(IReadOnlyList<string> paths) =>
        paths is [var only] && Directory.Exists(only) && File.Exists(Path.Combine(only, FileName))
            ? Path.Combine(only, FileName)
            : null;

    public static IReadOnlyList<TargetEntry> Read(string path, out IReadOnlyList<string> errors)
    {
        var problems = new List<string>();
        errors = problems;
        var stream = new YamlStream();
        try
        {
            using var reader = new StreamReader(path);
            stream.Load(reader);
        }
        catch (YamlException e)
        {
            problems.Add($"{path}: not valid YAML: {e.Message}");
            return [];
        }
        if (stream.Documents.FirstOrDefault()?.RootNode is not YamlMappingNode root
            || !root.Children.TryGetValue(new YamlScalarNode("targets"), out var node)
            || node is not YamlSequenceNode sequence
            || sequence.Children.Count == 0)
        {
            problems.Add($"{path}: expected 'targets:', a list of {{name, region, account, roleArn?, endpointUrl?}}");
            return [];
        }
        var entries = new List<TargetEntry>();
        for (var i = 0; i < sequence.Children.Count; i++)
        {
            var where = $"{path}: targets[{i}]";
            if (sequence.Children[i] is not YamlMappingNode item)
            {
                problems.Add($"{where}: expected a mapping");
                continue;
            }
            string? Text(string key) => item.Children.TryGetValue(new YamlScalarNode(key), out var v) && v is YamlScalarNode s ? s.Value : null;
            foreach (var key in item.Children.Keys.OfType<YamlScalarNode>().Select(k => k.Value))
                if (key is not ("name" or "region" or "account" or "roleArn" or "endpointUrl"))
                    problems.Add($"{where}: unknown key '{key}' (expected name, region, account, roleArn, endpointUrl)");
            var name = Text("name");
            var region = Text("region");
            var account = Text("account");
            if (string.IsNullOrEmpty(name)) problems.Add($"{where}: name is required");
            if (region is null || !RegionPattern().IsMatch(region)) problems.Add($"{where}: region is required, e.g. us-east-1");
            if (account is null || !AccountPattern().IsMatch(account)) problems.Add($"{where}: account is required: twelve digits, quoted");
            var roleArn = Text("roleArn");
            if (roleArn is not null && !roleArn.StartsWith("arn:", StringComparison.Ordinal)) problems.Add($"{where}: roleArn must be a role ARN");
            var endpoint = Text("endpointUrl");
            if (endpoint is not null && !Uri.TryCreate(endpoint, UriKind.Absolute, out _)) problems.Add($"{where}: endpointUrl must be an absolute URL");
            if (name is not null && region is not null && account is not null)
                entries.Add(new TargetEntry(name, region, account, roleArn, endpoint));
        }
        foreach (var duplicate in entries.GroupBy(e => e.Name, StringComparer.Ordinal).Where(g => g.Count() > 1))
            problems.Add($"{path}: target name '{duplicate.Key}' is used twice");
        foreach (var duplicate in entries.GroupBy(e => (e.Account, e.Region)).Where(g => g.Count() > 1))
            problems.Add($"{path}: account {duplicate.Key.Account} in {duplicate.Key.Region} is declared twice; manifests could not tell them apart");
        return problems.Count == 0 ? entries : [];
    }

    [GeneratedRegex(@"^\d{12}$")]
    private static partial Regex AccountPattern();

    [GeneratedRegex(@"^(eusc-)?[a-z]{2}((-gov)|(-iso([a-z]?)))?-[a-z]+-\d{1}$")]
    private static partial Regex RegionPattern();
}
