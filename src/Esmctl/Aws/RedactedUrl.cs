namespace Esmctl.Aws;

/// <summary>
/// A URL as esmctl shows, logs, serves or saves it: without userinfo ("http://user:password@host" → "http://host"),
/// so a credential typed into --endpoint-url or AWS_ENDPOINT_URL* never reaches a terminal, a log, /status or a saved
/// plan. Every description of an endpoint goes through here.
/// </summary>
public static class RedactedUrl
{
    public static Uri Of(Uri url)
    {
        if (!url.IsAbsoluteUri || url.UserInfo.Length == 0) return url;
        return new UriBuilder(url) { UserName = "", Password = "" }.Uri;
    }

    /// <summary>The text of a URL without its userinfo; text that is not an absolute URL is returned as it is.</summary>
    public static string? Of(string? text)
    {
        if (text is null || !Uri.TryCreate(text.Trim(), UriKind.Absolute, out var url) || url.UserInfo.Length == 0) return text;
        return Of(url).ToString();
    }
}
