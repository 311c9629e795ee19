using System.CommandLine;
using System.CommandLine.Invocation;
using System.Reflection;

namespace Esmctl.Commands;

/// <summary>`esmctl --version`: the release and the commit it was built from, so a bug report names both.</summary>
public static class VersionText
{
    /// <summary>"esmctl 0.1.0 (commit 1a2b3c4d5e6f)", or "(commit unknown)" when built outside a git checkout.</summary>
    public static string Describe(Assembly assembly)
    {
        var informational = Informational(assembly);
        var plus = informational.IndexOf('+');
        var commit = plus < 0 || plus == informational.Length - 1 ? "unknown" : informational[(plus + 1)..];
        return $"esmctl {Release(assembly)} (commit {commit})";
    }

    /// <summary>The release alone ("0.1.0"), as a package version.</summary>
    public static string Release(Assembly assembly)
    {
        var informational = Informational(assembly);
        var plus = informational.IndexOf('+');
        return plus < 0 ? informational : informational[..plus];
    }

    private static string Informational(Assembly assembly) =>
        assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? assembly.GetName().Version?.ToString() ?? "0.0.0";

    public static void ReplaceVersionAction(RootCommand root)
    {
        foreach (var option in root.Options.OfType<VersionOption>()) option.Action = new PrintVersion();
    }

    private sealed class PrintVersion : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            parseResult.InvocationConfiguration.Output.WriteLine(Describe(typeof(Program).Assembly));
            return ExitCodes.Success;
        }
    }
}
