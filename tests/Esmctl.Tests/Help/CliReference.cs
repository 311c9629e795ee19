using System.CommandLine;
using System.CommandLine.Completions;
using System.CommandLine.Help;
using System.Text;
using Esmctl.Commands;

namespace Esmctl.Tests.Help;

/// <summary>Generates docs/reference/cli.md from the command definitions (Program.BuildRootCommand), so every
/// command, argument, option, default and example in the reference is the one the binary has.</summary>
public static class CliReference
{
    public static string Generate(RootCommand root)
    {
        var text = new StringBuilder();
        text.Append("# CLI reference\n\n");
        text.Append("<!-- Generated from the command definitions (Program.BuildRootCommand) by tests/Esmctl.Tests/Help/CliReference.cs;\n");
        text.Append("     do not edit: run the tests with UPDATE=1 to regenerate. -->\n\n");
        text.Append(root.Description).Append("\n\n");
        text.Append("Commands: ").Append(string.Join(", ", root.Subcommands.Select(c => $"[`{c.Name}`](#esmctl-{c.Name})"))).Append(".\n\n");
        text.Append("Every command accepts `-h`/`--help` (with examples) and `--debug`; `esmctl --version` prints the release and the\n");
        text.Append("commit it was built from.\n\n");
        Command(text, root, "esmctl");
        foreach (var command in root.Subcommands) Command(text, command, $"esmctl {command.Name}");
        text.Append(Fixed);
        text.Append("`plan` needs the read actions (`lambda:ListEventSourceMappings`, `lambda:GetEventSourceMapping`, `lambda:ListTags`,\n");
        text.Append("`sts:GetCallerIdentity`); `apply` needs all of these:\n\n");
        foreach (var action in CommandErrors.RequiredActions) text.Append("- `").Append(action).Append("`\n");
        text.Append('\n');
        return text.ToString();
    }

    private static void Command(StringBuilder text, Command command, string path)
    {
        text.Append("## ").Append(path).Append("\n\n");
        if (command is not RootCommand) text.Append(command.Description).Append("\n\n");
        var arguments = command.Arguments.Where(a => !a.Hidden).ToList();
        var usage = path + string.Concat(arguments.Select(Usage))
            + (command.Subcommands.Count > 0 ? " [command]" : "") + " [options]";
        text.Append("```\n").Append(usage).Append("\n```\n\n");
        if (arguments.Count > 0)
        {
            text.Append("| Argument | Description | Default |\n|---|---|---|\n");
            foreach (var argument in arguments)
            {
                var count = argument.Arity.MaximumNumberOfValues > 1 ? " (one or more)" : "";
                text.Append($"| `{argument.Name}` | {Cell(argument.Description)}{count} | {Default(argument)} |\n");
            }
            text.Append('\n');
        }
        var options = command.Options.Where(o => !o.Hidden && o is not HelpOption && o is not VersionOption).ToList();
        if (options.Count > 0)
        {
            text.Append("| Option | Value | Description | Default |\n|---|---|---|---|\n");
            foreach (var option in options)
            {
                var names = string.Join(", ", new[] { option.Name }.Concat(option.Aliases.OrderBy(a => a, StringComparer.Ordinal)).Select(n => $"`{n}`"));
                text.Append($"| {names} | {Value(option)} | {Cell(option.Description)} | {Default(option)} |\n");
            }
            text.Append('\n');
        }
        var key = command is RootCommand ? "esmctl" : command.Name;
        if (HelpExamples.ByCommand.TryGetValue(key, out var examples))
        {
            text.Append("Examples:\n\n```sh\n");
            foreach (var example in examples) text.Append(example).Append('\n');
            text.Append("```\n\n");
        }
    }

    private static string Usage(Argument argument)
    {
        var shown = argument.Arity.MaximumNumberOfValues > 1 ? $"<{argument.Name}>..." : $"<{argument.Name}>";
        return argument.Arity.MinimumNumberOfValues == 0 ? $" [{shown}]" : $" {shown}";
    }

    private static string Value(Option option)
    {
        if (option.ValueType == typeof(bool)) return "flag";
        var choices = option.GetCompletions(CompletionContext.Empty).Select(c => c.Label).ToList();
        if (choices.Count > 0) return string.Join(" \\| ", choices.Select(c => $"`{c}`"));
        var type = Nullable.GetUnderlyingType(option.ValueType) ?? option.ValueType;
        return type == typeof(int) ? "number" : type.IsArray ? "list" : "text";
    }

    private static string Default(Option option) =>
        option.HasDefaultValue && option.ValueType != typeof(bool) ? Shown(option.GetDefaultValue()) : "";

    private static string Default(Argument argument) =>
        argument.HasDefaultValue ? Shown(argument.GetDefaultValue()) : "";

    private static string Shown(object? value) => value switch
    {
        null => "",
        string s => $"`{s}`",
        System.Collections.IEnumerable items => $"`{string.Join(",", items.Cast<object>())}`",
        _ => $"`{value}`",
    };

    private static string Cell(string? text) =>
        (text ?? "").Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);

    private const string Fixed = """
        ## Exit codes

        | Code | Meaning |
        |---|---|
        | 0 | Success; for `plan --detailed-exitcode`, no changes |
        | 1 | An error: invalid manifests, an unreachable or refusing endpoint, a failed or refused apply, a usage error |
        | 2 | `plan --detailed-exitcode` only: success, and the plan has changes |

        ## Output, colour and progress

        Standard output holds the result (the plan, the apply report, JSON); diagnostics, notes and progress go to standard
        error. Colour is used only when standard output is a terminal, and never with `--no-color` or when `NO_COLOR` is
        set. On a terminal `apply` shows each step live (`+` create, `~` update, `-/+` replace, `-` delete; waits on a
        mapping's transitional state are redrawn in place with the elapsed time) and ends with a summary table. When
        output is piped or redirected there is no colour, no live redrawing, no table and no prompt: `apply` then needs
        `--auto-approve`, and progress is one plain line per step on standard error.

        ## Errors

        Errors are one line that says what to do: a mistyped command or option is named with the nearest correct one,
        missing AWS credentials list where the SDK looked and how to provide them, an unreachable endpoint is named with
        its URL, and an `AccessDeniedException` names the IAM action to grant. `--debug` (or `ESMCTL_DEBUG=1`) adds the
        full exception details, stack trace included.

        ## Shell completion

        System.CommandLine 2.0 answers completion queries through its `[suggest]` directive: `esmctl "[suggest:N]" "LINE"`
        prints the completions for the command line `LINE` with the cursor at character `N`, one per line. It completes
        command names, option names and the values of options with a fixed set (such as `--output`); it does not complete
        file paths, which the snippets below leave to the shell. The `dotnet-suggest` global tool can route these queries
        too, but it needs each tool registered by hand in System.CommandLine 2.0, so calling the directive directly, as
        below, is simpler.

        bash (`~/.bashrc`):

        ```bash
        _esmctl_complete() {
          local IFS=$'\n'
          COMPREPLY=($(compgen -W "$(esmctl "[suggest:${COMP_POINT}]" "${COMP_LINE}" 2>/dev/null)" -- "${COMP_WORDS[COMP_CWORD]}"))
        }
        complete -o default -F _esmctl_complete esmctl
        ```

        zsh (`~/.zshrc`):

        ```zsh
        _esmctl_complete() {
          reply=("${(@f)$(esmctl "[suggest:${#BUFFER}]" "${BUFFER}" 2>/dev/null)}")
        }
        compctl -K _esmctl_complete esmctl
        ```

        PowerShell (`$PROFILE`):

        ```powershell
        Register-ArgumentCompleter -Native -CommandName esmctl -ScriptBlock {
            param($wordToComplete, $commandAst, $cursorPosition)
            esmctl "[suggest:$cursorPosition]" "$commandAst" | ForEach-Object {
                [System.Management.Automation.CompletionResult]::new($_, $_, 'ParameterValue', $_)
            }
        }
        ```

        ## IAM permissions


        """;
}
