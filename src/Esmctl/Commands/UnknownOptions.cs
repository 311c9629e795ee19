using System.CommandLine;
using System.CommandLine.Parsing;
using Reconciler.Core.Validation;

namespace Esmctl.Commands;

/// <summary>
/// A mistyped option on a command that takes paths ("esmctl plan --outptu json manifests") parses as a path, and
/// the user would read "no such file: --outptu". This finds such tokens first and names the option meant.
/// A real file whose name starts with '-' still works.
/// </summary>
public static class UnknownOptions
{
    public static string? Check(ParseResult parseResult)
    {
        var commandResult = parseResult.CommandResult;
        var suspicious = commandResult.Children.OfType<ArgumentResult>()
            .SelectMany(a => a.Tokens)
            .Select(t => t.Value)
            .Concat(parseResult.UnmatchedTokens)
            .FirstOrDefault(v => v.Length > 1 && v[0] == '-' && !File.Exists(v) && !Directory.Exists(v));
        if (suspicious is null) return null;

        var path = CommandPath(commandResult);
        var known = Names(commandResult).ToList();
        var spelled = suspicious.Split('=', 2)[0];
        var nearest = Nearest(spelled, known);
        var suggestion = nearest is null ? "" : $" Did you mean '{nearest}'?";
        return $"unknown option '{spelled}' for '{path}'.{suggestion} See '{path} --help'.";
    }

    /// <summary>The candidate closest to what was typed, if close enough to be what was meant.</summary>
    public static string? Nearest(string spelled, IEnumerable<string> candidates) => candidates
        .Select(name => (name, distance: FieldSuggestions.EditDistance(spelled, name)))
        .Where(p => p.distance <= Math.Max(2, spelled.Length / 3))
        .OrderBy(p => p.distance)
        .Select(p => p.name)
        .FirstOrDefault();

    public static string CommandPath(CommandResult result)
    {
        var names = new List<string>();
        for (SymbolResult? r = result; r is not null; r = r.Parent)
        {
            if (r is CommandResult c) names.Insert(0, c.Command is RootCommand ? "esmctl" : c.Command.Name);
        }
        return string.Join(' ', names);
    }

    /// <summary>The options valid here: the command's own and the recursive ones of its parents (--help, --debug).</summary>
    public static IEnumerable<string> Names(CommandResult result)
    {
        foreach (var option in result.Command.Options)
        {
            yield return option.Name;
            foreach (var alias in option.Aliases) yield return alias;
        }
        for (var parent = result.Parent as CommandResult; parent is not null; parent = parent.Parent as CommandResult)
        {
            foreach (var option in parent.Command.Options.Where(o => o.Recursive)) yield return option.Name;
        }
    }
}
