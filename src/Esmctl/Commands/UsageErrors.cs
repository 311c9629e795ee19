using System.CommandLine;
using System.CommandLine.Parsing;
using System.Text.RegularExpressions;

namespace Esmctl.Commands;

/// <summary>
/// A command line System.CommandLine could not parse, said in one line with a hint, instead of its message (which can
/// name .NET types) followed by the whole help: "-out" (Terraform's spelling) → did you mean --out, "plna" → did you
/// mean plan, a value that is not one of an option's choices → the choices. <see cref="UnknownOptions"/> does the same
/// for a mistyped option that parsed as a path.
/// </summary>
public static partial class UsageErrors
{
    /// <summary>The line to print, or null when the command line parsed.</summary>
    public static string? Describe(ParseResult parseResult, IReadOnlyList<string> args)
    {
        // --help and --version answer even when the rest of the line does not parse ("esmctl plan --help" has no path).
        if (parseResult.Errors.Count == 0 || parseResult.Action is not System.CommandLine.Invocation.ParseErrorAction) return null;
        var command = parseResult.CommandResult;
        var path = UnknownOptions.CommandPath(command);
        var see = $" See '{path} --help'.";

        // "-out": one dash before a long option's name (Terraform writes -out=FILE) parses as "-o" with "ut".
        foreach (var arg in args)
        {
            var spelled = arg.Split('=', 2)[0];
            if (spelled.Length < 3 || spelled[0] != '-' || spelled[1] == '-' || !char.IsLetter(spelled[1])) continue;
            var meant = "-" + spelled;
            if (UnknownOptions.Names(command).Contains(meant, StringComparer.Ordinal))
                return $"unknown option '{spelled}' for '{path}'. Did you mean '{meant}'? (long options take two dashes){see}";
        }

        if (command.Command is RootCommand && parseResult.UnmatchedTokens.FirstOrDefault(t => !t.StartsWith('-')) is { } unknown)
        {
            var nearest = UnknownOptions.Nearest(unknown, command.Command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name));
            return $"unknown command '{unknown}'.{(nearest is null ? "" : $" Did you mean '{nearest}'?")}{see}";
        }

        var error = parseResult.Errors[0];
        var option = error.SymbolResult switch
        {
            OptionResult o => o.Option.Name,
            ArgumentResult { Parent: OptionResult o } => o.Option.Name,
            _ => null,
        };
        // "-o" at the end of the line: the option is there without its value.
        if (option is not null && error.SymbolResult is { Tokens.Count: 0 } empty)
            return Choices(empty) is { Count: > 0 } accepted
                ? $"{option} needs a value: {string.Join(", ", accepted)}.{see}"
                : $"{option} needs a value.{see}";
        if (option is not null && error.SymbolResult is { } result && Choices(result) is { Count: > 0 } choices)
        {
            var value = result.Tokens.LastOrDefault()?.Value ?? "";
            return $"{option}: '{value}' is not one of {string.Join(", ", choices)}.{see}";
        }
        // An argument that takes only some values ("esmctl completion tcsh").
        if (error.SymbolResult is ArgumentResult { Parent: not OptionResult } argument
            && ArgumentChoices(argument.Argument) is { Count: > 0 } values && argument.Tokens.LastOrDefault() is { } given)
            return $"{argument.Argument.Name}: '{given.Value}' is not one of {string.Join(", ", values)}.{see}";
        if (error.Message.StartsWith("Required argument missing", StringComparison.Ordinal)
            && command.Command.Arguments.FirstOrDefault(a => a.Arity.MinimumNumberOfValues > 0 && command.GetResult(a) is null or { Tokens.Count: 0 }) is { } missing)
            return ArgumentChoices(missing) is { Count: > 0 } shells
                ? $"'{path}' needs a {missing.Name} argument: {string.Join(", ", shells)}.{see}"
                : $"'{path}' needs a {missing.Name} argument: {Lower(missing.Description ?? missing.Name)}.{see}";
        return Plain(error.Message) + see;
    }

    /// <summary>The values an option accepts, where it says (AcceptOnlyFromAmong, or an enum).</summary>
    private static IReadOnlyList<string> Choices(SymbolResult result)
    {
        var option = result switch
        {
            OptionResult o => o.Option,
            ArgumentResult { Parent: OptionResult o } => o.Option,
            _ => null,
        };
        if (option is null) return [];
        var type = Nullable.GetUnderlyingType(option.ValueType) ?? option.ValueType;
        if (type.IsEnum) return [.. Enum.GetNames(type).Select(n => n.ToLowerInvariant())];
        // AcceptOnlyFromAmong's message lists the values; its help name ("text|json") keeps their order.
        return option.HelpName is { } help && help.Contains('|')
            ? help.Split('|')
            : [.. option.GetCompletions(System.CommandLine.Completions.CompletionContext.Empty).Select(c => c.Label)];
    }

    /// <summary>The values an argument accepts when it takes only some (AcceptOnlyFromAmong), sorted as its help lists them.</summary>
    private static IReadOnlyList<string> ArgumentChoices(Argument argument) =>
        argument.Validators.Count == 0
            ? []
            : [.. argument.GetCompletions(System.CommandLine.Completions.CompletionContext.Empty).Select(c => c.Label)];

    /// <summary>System.CommandLine's own message on one line, without .NET type names.</summary>
    private static string Plain(string message)
    {
        var text = TypeName().Replace(message, "");
        text = Whitespace().Replace(text, " ").Trim();
        return text.EndsWith('.') ? text : text + ".";
    }

    private static string Lower(string text) => text.Length == 0 ? text : char.ToLowerInvariant(text[0]) + text[1..];

    [GeneratedRegex(@" as expected type '[^']*'")]
    private static partial Regex TypeName();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
