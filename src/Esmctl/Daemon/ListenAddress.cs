using System.Globalization;
using System.Net;

namespace Esmctl.Daemon;

/// <summary>The endpoint the HTTP face binds: "127.0.0.1:9464", "[::1]:9464", "localhost:9464" or "0.0.0.0:9464".</summary>
public sealed record ListenAddress(IPAddress Address, int Port)
{
    public bool IsLoopback => IPAddress.IsLoopback(Address);

    public IPEndPoint EndPoint => new(Address, Port);

    public static bool TryParse(string? text, out ListenAddress? result)
    {
        result = null;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var colon = text.LastIndexOf(':');
        if (colon <= 0 || colon == text.Length - 1) return false;
        var host = text[..colon].Trim('[', ']');
        if (!int.TryParse(text[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > 65535)
        {
            return false;
        }
        // "localhost" is pinned to IPv4 loopback: resolving it could yield a non-loopback address on odd hosts.
        var address = string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
            ? IPAddress.Loopback
            : IPAddress.TryParse(host, out var parsed) ? parsed : null;
        if (address is null) return false;
        result = new ListenAddress(address, port);
        return true;
    }

    public override string ToString() => EndPoint.ToString();
}
