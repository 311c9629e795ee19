using System.CommandLine;

namespace Esmctl.Commands;

/// <summary>The one definition of -o/--output: the format of what a command prints, its values in lowercase as they
/// are typed, shown the same way in every command's help (text first, the default).</summary>
public static class OutputOption
{
    public static Option<string> Create(string description, params OutputFormat[] formats)
    {
        var names = formats.Select(Name).ToArray();
        var option = new Option<string>("--output", "-o")
        {
            Description = description,
            DefaultValueFactory = _ => names[0],
            HelpName = string.Join('|', names),
        };
        // Case does not matter (-o JSON works, as the enum it maps to always accepted); the help and completions are lowercase.
        option.Validators.Add(result =>
        {
            var value = result.Tokens.LastOrDefault()?.Value;
            if (value is not null && !names.Contains(value, StringComparer.OrdinalIgnoreCase))
                result.AddError($"--output: '{value}' is not one of {string.Join(", ", names)}");
        });
        option.CompletionSources.Add(names);
        return option;
    }

    public static string Name(OutputFormat format) => format.ToString().ToLowerInvariant();

    public static OutputFormat Parse(string? value) =>
        Enum.TryParse<OutputFormat>(value, ignoreCase: true, out var format) ? format : OutputFormat.Text;
}
