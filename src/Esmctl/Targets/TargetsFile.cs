using System.Text.RegularExpressions;
using Reconciler.Core.Diagnostics;
using Reconciler.Core.Manifests;
using Reconciler.Core.Validation;
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

    /// <summary>The targets, or none and every problem: one line each, "FILE:LINE:COL: FIELD: MESSAGE".</summary>
    public static IReadOnlyList<TargetEntry> Read(string path, out IReadOnlyList<string> errors)
    {
        var entries = Load(path, out var problems);
        errors = [.. problems.Select(p => p.Field.Length == 0 ? $"{p.Location}: {p.Message}" : $"{p.Location}: {p.Field}: {p.Message}")];
        return entries;
    }

    /// <summary>The targets, or none and every problem as a diagnostic at the line and column it is about (validate,
    /// plan and apply report them as they report the manifests').</summary>
    public static IReadOnlyList<TargetEntry> Load(string path, out IReadOnlyList<Diagnostic> problems)
    {
        var found = new List<Diagnostic>();
        problems = found;
        void Problem(Mark at, string field, string message) =>
            found.Add(Diagnostic.Error(new SourceLocation(path, (int)Math.Max(1, at.Line), (int)Math.Max(1, at.Column)), field, message));
        // Measured as the file a link names: a FIFO (length 0) would block the open for good, a device never ends.
        var size = FileLinks.Final(new FileInfo(path)).Length;
        if (size == 0 || size > ParseLimits.MaxFileBytes)
        {
            Problem(Mark.Empty, "", size == 0
                ? "the file is empty (0 bytes, or not a regular file such as a FIFO or device); it must list the targets"
                : $"file is {size} bytes, over the {ParseLimits.MaxFileBytes}-byte limit for a manifest");
            return [];
        }
        var stream = new YamlStream();
        try
        {
            using var reader = new StreamReader(path);
            stream.Load(reader);
        }
        catch (YamlException e)
        {
            Problem(e.Start, "", $"not valid YAML: {e.Message}");
            return [];
        }
        if (stream.Documents.FirstOrDefault()?.RootNode is not YamlMappingNode root
            || !root.Children.TryGetValue(new YamlScalarNode("targets"), out var node)
            || node is not YamlSequenceNode sequence
            || sequence.Children.Count == 0)
        {
            Problem(stream.Documents.FirstOrDefault()?.RootNode.Start ?? Mark.Empty, "targets",
                "expected 'targets:', a list of {name, region, account, roleArn?, endpointUrl?}");
            return [];
        }
        var entries = new List<(TargetEntry Entry, Mark At)>();
        for (var i = 0; i < sequence.Children.Count; i++)
        {
            var where = $"targets[{i}]";
            if (sequence.Children[i] is not YamlMappingNode item)
            {
                Problem(sequence.Children[i].Start, where, "expected a mapping");
                continue;
            }
            string? Text(string key) => item.Children.TryGetValue(new YamlScalarNode(key), out var v) && v is YamlScalarNode s ? s.Value : null;
            Mark At(string key) => item.Children.TryGetValue(new YamlScalarNode(key), out var v) ? v.Start : item.Start;
            foreach (var key in item.Children.Keys.OfType<YamlScalarNode>())
            {
                if (key.Value is "name" or "region" or "account" or "roleArn" or "endpointUrl") continue;
                var meant = FieldSuggestions.Closest(key.Value ?? "", Keys);
                Problem(key.Start, $"{where}.{key.Value}", "unknown key" + (meant is null ? "" : $", did you mean '{meant}'?") +
                    $" (expected {string.Join(", ", Keys)})");
            }
            var name = Text("name");
            var region = Text("region");
            var account = Text("account");
            if (string.IsNullOrEmpty(name)) Problem(At("name"), $"{where}.name", "name is required");
            if (region is null || !RegionPattern().IsMatch(region)) Problem(At("region"), $"{where}.region", "region is required, e.g. us-east-1");
            if (account is null || !AccountPattern().IsMatch(account)) Problem(At("account"), $"{where}.account", "account is required: twelve digits, quoted");
            var roleArn = Text("roleArn");
            if (roleArn is not null && !roleArn.StartsWith("arn:", StringComparison.Ordinal)) Problem(At("roleArn"), $"{where}.roleArn", "roleArn must be a role ARN");
            var endpoint = Text("endpointUrl");
            if (endpoint is not null && !Uri.TryCreate(endpoint, UriKind.Absolute, out _)) Problem(At("endpointUrl"), $"{where}.endpointUrl", "endpointUrl must be an absolute URL");
            if (name is not null && region is not null && account is not null)
                entries.Add((new TargetEntry(name, region, account, roleArn, endpoint), item.Start));
        }
        foreach (var duplicate in entries.GroupBy(e => e.Entry.Name, StringComparer.Ordinal).Where(g => g.Count() > 1))
            Problem(duplicate.Last().At, "targets", $"target name '{duplicate.Key}' is used twice");
        foreach (var duplicate in entries.GroupBy(e => (e.Entry.Account, e.Entry.Region)).Where(g => g.Count() > 1))
            Problem(duplicate.Last().At, "targets",
                $"account {duplicate.Key.Account} in {duplicate.Key.Region} is declared twice; manifests could not tell them apart");
        found.Sort((a, b) => (a.Location.Line, a.Location.Column).CompareTo((b.Location.Line, b.Location.Column)));
        return found.Count == 0 ? [.. entries.Select(e => e.Entry)] : [];
    }

    private static readonly string[] Keys = ["name", "region", "account", "roleArn", "endpointUrl"];

    [GeneratedRegex(@"^\d{12}$")]
    private static partial Regex AccountPattern();

    [GeneratedRegex(@"^(eusc-)?[a-z]{2}((-gov)|(-iso([a-z]?)))?-[a-z]+-\d{1}$")]
    private static partial Regex RegionPattern();
}
