using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace Esmctl.Commands;

/// <summary>Examples printed after each command's help, as kubectl and the AWS CLI do: the quickest way to learn a
/// command is a working line to copy. System.CommandLine's help has no examples section, so the help action is
/// wrapped here rather than the examples being folded into descriptions (which the command list repeats).</summary>
public static class HelpExamples
{
    /// <summary>Examples by command name; the root command is "esmctl".</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> ByCommand { get; } = new Dictionary<string, IReadOnlyList<string>>
    {
        ["esmctl"] =
        [
            "esmctl init my-mappings --sources sqs,kinesis   # a starter repository",
            "esmctl validate manifests",
            "esmctl plan manifests                           # against the local emulator",
            "esmctl plan manifests --target aws --region eu-west-1",
            "esmctl apply manifests --target aws",
        ],
        ["init"] =
        [
            "esmctl init",
            "esmctl init my-mappings --sources sqs,kinesis,dynamodb --targets-file",
            "esmctl init . --force                           # rewrite the starter files",
        ],
        ["validate"] =
        [
            "esmctl validate manifests",
            "esmctl validate manifests/orders.yaml --output json",
        ],
        ["plan"] =
        [
            "esmctl plan manifests",
            "esmctl plan manifests --target aws --profile prod --detailed-exitcode",
            "esmctl plan manifests --target aws --output markdown > plan.md   # a PR comment",
            "esmctl plan manifests --target aws --endpoint-url http://127.0.0.1:4566",
        ],
        ["apply"] =
        [
            "esmctl apply manifests                          # asks before changing anything",
            "esmctl apply manifests --target aws --auto-approve",
            "esmctl apply manifests --target aws --prune --max-deletes 3",
        ],
        ["run"] =
        [
            "esmctl run manifests --target aws --observe-only  # report drift in /status and the logs",
            "esmctl run manifests --target aws --prune --interval 5m",
            "esmctl run manifests                            # with manifests/esmctl.yaml: its every target",
            "esmctl run --config /etc/esmctl/run.json        # settings in a file (unknown keys are errors)",
        ],
        ["completion"] =
        [
            "source <(esmctl completion bash)                # bash, this shell",
            "esmctl completion zsh > \"${fpath[1]}/_esmctl\"   # zsh, every shell",
            "esmctl completion fish | source",
            "esmctl completion pwsh | Out-String | Invoke-Expression",
        ],
        ["export"] =
        [
            "esmctl export --target aws --region eu-west-1 --output-dir manifests   # every mapping of the account and region",
            "esmctl export --target aws --function order-processor --output-dir manifests",
        ],
        ["emulator"] =
        [
            "esmctl emulator                                 # then: AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test esmctl plan manifests --target aws --endpoint-url http://127.0.0.1:4599",
            "esmctl emulator --state .esmctl/local-state.json   # serve what --target local sees",
            "esmctl emulator --listen 127.0.0.1:0 --dwell 2s --fault-throttle 0.1   # a free port, slow transitions, 10% throttled",
        ],
    };

    public static void Attach(RootCommand root)
    {
        foreach (var help in root.Options.OfType<HelpOption>())
        {
            if (help.Action is { } inner) help.Action = new WithExamples(inner);
        }
    }

    private sealed class WithExamples(CommandLineAction inner) : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            var code = inner is SynchronousCommandLineAction sync ? sync.Invoke(parseResult) : 0;
            var command = parseResult.CommandResult.Command;
            var key = command is RootCommand ? "esmctl" : command.Name;
            if (ByCommand.TryGetValue(key, out var examples))
            {
                var output = parseResult.InvocationConfiguration.Output;
                output.WriteLine("Examples:");
                foreach (var example in examples) output.WriteLine($"  {example}");
                output.WriteLine();
            }
            return code;
        }
    }
}
