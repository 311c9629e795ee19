using System.Text.RegularExpressions;

namespace Esmctl.Aws;

/// <summary>
/// Text from the AWS SDK or from an exception made safe to print: the SDK quotes a malformed line of the shared
/// credentials or config file verbatim ("Line 3:&lt;aws_secret_access_key SECRET&gt; in file F does not contain a
/// section, property or comment"), which would put a secret key into a terminal, a CI log, the daemon's log or
/// /status. Such a message becomes the file and line only; userinfo in any URL is dropped.
/// </summary>
public static partial class SecretText
{
    public static string Redact(string text)
    {
        var redacted = QuotedFileLine().Replace(text, m =>
            $"line {m.Groups["line"].Value} of {m.Groups["file"].Value} is not a section, property or comment (its text is not shown: it may hold a secret)");
        redacted = AnyQuotedLine().Replace(redacted, m => $"Line {m.Groups["line"].Value}:<not shown>");
        return UrlUserInfo().Replace(redacted, "${scheme}");
    }

    /// <summary>The file problems an SDK message reports, each as "line N of FILE ...", without the lines' text.</summary>
    public static IReadOnlyList<string> FileProblems(string text) =>
        [.. QuotedFileLine().Matches(text).Select(m =>
            $"line {m.Groups["line"].Value} of {m.Groups["file"].Value} is not a section, property or comment")];

    [GeneratedRegex(@"Line (?<line>\d+):<.*?>\s*in file (?<file>.+?) does not contain a section, property or comment\.?", RegexOptions.Singleline)]
    private static partial Regex QuotedFileLine();

    [GeneratedRegex(@"Line (?<line>\d+):<.*?>", RegexOptions.Singleline)]
    private static partial Regex AnyQuotedLine();

    [GeneratedRegex(@"(?<scheme>[a-zA-Z][a-zA-Z0-9+.-]*://)[^/\s@]+@")]
    private static partial Regex UrlUserInfo();
}
