namespace Esmctl.Aws;

/// <summary>
/// A URL as esmctl shows, logs, serves or saves it: without userinfo ("http://user:password@host" → "http://host"),
/// so a credential typed into --endpoint-url or AWS_ENDPOINT_URL* never reaches a terminal, a log, /status or a saved
/// plan. Every description of an endpoint goes through here.
/// </summary>
public static partial class RedactedUrl
{
    public static Uri Of(Uri url)
    {
        if (!url.IsAbsoluteUri || url.UserInfo.Length == 0) return url;
        return new UriBuilder(url) { UserName = "", Password = "" }.Uri;
    }

    /// <summary>
    /// The text of a URL without its userinfo. Text that is not a URL with userinfo — typically the one an error quotes
    /// because it could not be used: "admin:pw@host:4566" without a scheme reads as scheme "admin" — still loses whatever
    /// stands before an '@' in its authority, as "***".
    /// </summary>
    public static string? Of(string? text)
    {
        if (text is null) return null;
        if (Uri.TryCreate(text.Trim(), UriKind.Absolute, out var url) && url.UserInfo.Length > 0) return Of(url).ToString();
        return Authority().Replace(text, "${scheme}***@", 1);
    }

    /// <summary>An optional "scheme://", then what a URL's userinfo would be: anything up to an '@' before the path.</summary>
    [System.Text.RegularExpressions.GeneratedRegex("^(?<scheme>\\s*[A-Za-z][A-Za-z0-9+.-]*://)?[^/?#]*@")]
    private static partial System.Text.RegularExpressions.Regex Authority();
}
