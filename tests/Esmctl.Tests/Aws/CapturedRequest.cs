namespace Esmctl.Tests.Aws;

/// <summary>One request as it went on the wire, with its headers (content headers included) and body.</summary>
internal sealed record CapturedRequest(string Method, Uri Uri, IReadOnlyDictionary<string, string> Headers, string? Body)
{
    /// <summary>The path as sent on the wire, still percent-encoded.</summary>
    public string RawPath => Uri.AbsolutePath;

    public string RawQuery => Uri.Query.TrimStart('?');
}
