using Esmctl.Aws;
using Esmctl.Targets;
using Reconciler.Core.Model;

namespace Esmctl.Commands;

/// <summary>
/// The options a follow-up command must repeat to act where, and as whom, this one did: a "Next: esmctl ..." hint
/// that left out `--target aws --endpoint-url ...` would send a person to the default local target (export's next
/// plan would show every mapping as a create) or have a saved plan refused for another target.
/// </summary>
public static class RepeatedOptions
{
    /// <summary>" --target aws --endpoint-url URL ..." (leading space), or "" when everything was a default.</summary>
    public static string Of(TargetSettings target, string owner = ManagedTags.DefaultOwner, bool prune = false)
    {
        var words = new List<string>();
        var spec = target.Spec;
        if (spec.Kind == TargetKind.Aws) words.AddRange(["--target", "aws"]);
        else if (spec.StatePath != TargetSpec.LocalDefaultStatePath) words.AddRange(["--target", $"local:{spec.StatePath}"]);
        Add(words, "--region", target.Region);
        // Shown as every endpoint is shown: a password typed into the URL never reaches the terminal or a CI log.
        Add(words, "--endpoint-url", RedactedUrl.Of(target.EndpointUrl));
        Add(words, "--profile", target.Profile);
        Add(words, "--local-account", target.LocalAccount);
        if (owner != ManagedTags.DefaultOwner) words.AddRange(["--owner", owner]);
        if (prune) words.Add("--prune");
        return string.Concat(words.Select(word => " " + ShellWord(word)));
    }

    /// <summary>A path or value as a POSIX shell word: as it is when it needs no quoting, else in single quotes.</summary>
    public static string ShellWord(string word) =>
        word.Length > 0 && word.All(c => char.IsAsciiLetterOrDigit(c) || "-_./:=@,+%".Contains(c))
            ? word
            : "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    private static void Add(List<string> words, string option, string? value)
    {
        if (!string.IsNullOrEmpty(value)) words.AddRange([option, value]);
    }
}
