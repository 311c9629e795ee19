using System.CommandLine;

namespace Esmctl.Commands;

/// <summary>The global --debug switch: full exception details (stack traces) instead of one-line errors.
/// ESMCTL_DEBUG=1 does the same, for CI logs where the command line is fixed.</summary>
public static class DebugOption
{
    public const string Name = "--debug";
    public const string EnvironmentVariable = "ESMCTL_DEBUG";

    /// <summary>A new option per root command: a symbol keeps a list of its parents, so none is shared.</summary>
    public static Option<bool> Create() => new(Name)
    {
        Description = $"Show full error details, stack traces included (or set {EnvironmentVariable}=1)",
        Recursive = true,
    };

    public static bool IsSet(ParseResult parseResult) => parseResult.GetValue<bool>(Name);

    public static bool IsOn(IReadOnlyDictionary<string, string> environment) =>
        environment.GetValueOrDefault(EnvironmentVariable) == "1";
}
