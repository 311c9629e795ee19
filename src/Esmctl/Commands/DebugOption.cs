using System.CommandLine;

namespace Esmctl.Commands;

/// <summary>The global --debug switch: full exception details (stack traces) instead of one-line errors.
/// ESMCTL_DEBUG=1 does the same, for CI logs where the command line is fixed.</summary>
public static class DebugOption
{
    public const string EnvironmentVariable = "ESMCTL_DEBUG";

    public static Option<bool> Instance { get; } = new("--debug")
    {
        Description = $"Show full error details, stack traces included (or set {EnvironmentVariable}=1)",
        Recursive = true,
    };

    public static bool FromEnvironment() => Environment.GetEnvironmentVariable(EnvironmentVariable) == "1";
}
