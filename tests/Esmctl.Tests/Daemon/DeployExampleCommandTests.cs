using System.Text.Json;
using System.Text.RegularExpressions;
using Esmctl.Commands;
using Esmctl.Daemon;
using Esmctl.Tests.Support;
using Reconciler.Testing;
using YamlDotNet.RepresentationModel;

namespace Esmctl.Tests.Daemon;

/// <summary>
/// The daemon command lines the repository ships (the image's default command, the systemd unit, the Kubernetes
/// Deployment) parse, and reconcile AWS: `esmctl run` defaults to the local target as plan and apply do, so each must
/// say --target aws.
/// </summary>
public sealed partial class DeployExampleCommandTests
{
    public static TheoryData<string> Shipped => ["Dockerfile", "examples/deploy/esmctl-run.service", "examples/deploy/kubernetes-deployment.yaml"];

    [Theory]
    [MemberData(nameof(Shipped))]
    public void The_shipped_daemon_command_parses_and_targets_aws(string file)
    {
        var args = RunArguments(file);
        Assert.Equal("run", args[0]);
        var parsed = RunCommand.Create(InProcessEsmctl.Quiet).Parse(args[1..]);
        Assert.Empty(parsed.Errors);
        Assert.Equal("aws", parsed.GetValue<string>("--target"));
        Assert.DoesNotContain(args, a => a.StartsWith("--target=local", StringComparison.Ordinal));
    }

    [Fact]
    public void The_systemd_units_documentation_links_to_a_page_this_repository_has()
    {
        // `systemctl help esmctl-run` opens Documentation=; a file:// path under /usr/share/doc is installed by nothing.
        var text = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "examples/deploy/esmctl-run.service"));
        var links = Regex.Matches(text, @"^Documentation=(.+)$", RegexOptions.Multiline).SelectMany(m => m.Groups[1].Value.Split(' ')).ToList();
        Assert.NotEmpty(links);
        foreach (var link in links)
        {
            const string home = "https://github.com/esmctl/esmctl/blob/main/";
            Assert.StartsWith(home, link, StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(RepositoryPaths.Root, link[home.Length..])), $"{link} names no file of the repository");
        }
    }

    private static string[] RunArguments(string file)
    {
        var text = File.ReadAllText(Path.Combine(RepositoryPaths.Root, file));
        if (file == "Dockerfile")
        {
            var cmd = CmdLine().Match(text);
            Assert.True(cmd.Success, "no CMD [...] in the Dockerfile");
            return JsonSerializer.Deserialize<string[]>(cmd.Groups[1].Value)!;
        }
        if (file.EndsWith(".service", StringComparison.Ordinal))
        {
            var exec = ExecStart().Match(text);
            Assert.True(exec.Success, "no ExecStart in the unit");
            return [.. exec.Groups[1].Value.Replace("\\\n", " ", StringComparison.Ordinal).Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)];
        }
        var yaml = new YamlStream();
        yaml.Load(new StringReader(text));
        foreach (var document in yaml.Documents)
        {
            var containers = document.RootNode.AllNodes.OfType<YamlMappingNode>()
                .Where(n => n.Children.TryGetValue(new YamlScalarNode("name"), out var name) && name.ToString() == "esmctl"
                    && n.Children.ContainsKey(new YamlScalarNode("args")));
            foreach (var container in containers)
                return [.. ((YamlSequenceNode)container[new YamlScalarNode("args")]).Children.Select(a => a.ToString())];
        }
        throw new InvalidOperationException($"no esmctl container with args in {file}");
    }

    [GeneratedRegex(@"^CMD (\[.*\])\s*$", RegexOptions.Multiline)]
    private static partial Regex CmdLine();

    [GeneratedRegex(@"^ExecStart=((?:.*\\\n)*.*)$", RegexOptions.Multiline)]
    private static partial Regex ExecStart();
}
