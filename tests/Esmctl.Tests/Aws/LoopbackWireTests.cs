using System.Net;
using System.Net.Sockets;
using System.Text;
using Amazon.Runtime;
using Esmctl.Aws;

namespace Esmctl.Tests.Aws;

/// <summary>
/// What a real socket sees, not what the HttpRequestMessage says: the request line must keep the ARN's %3A
/// (a transport that unescaped it would send a path the signature does not cover).
/// </summary>
public sealed class LoopbackWireTests
{
    [Fact]
    public async Task The_request_line_on_the_socket_keeps_the_encoded_ARN_and_repeated_query_names()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var serving = ServeOnceAsync(listener);
        using var http = new HttpClient(new SocketsHttpHandler()) { Timeout = TimeSpan.FromSeconds(30) };
        var client = new LambdaRestClient(http, new Uri($"http://127.0.0.1:{port}"), "us-east-1",
            new BasicAWSCredentials("AKIDEXAMPLE", "secret"), TimeProvider.System, () => 0.0);

        await client.UntagAsync(SampleMappings.EsmArn, ["a b", "esmctl:name"], CancellationToken.None);
        var head = await serving;

        var requestLine = head.Split("\r\n")[0];
        Assert.Equal(
            "DELETE /2017-03-31/tags/" + SampleMappings.EsmArn.Replace(":", "%3A", StringComparison.Ordinal)
                + "?tagKeys=a%20b&tagKeys=esmctl%3Aname HTTP/1.1",
            requestLine);
        Assert.Contains($"Host: 127.0.0.1:{port}", head);
        Assert.Contains("Authorization: AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/", head);
    }

    private static async Task<string> ServeOnceAsync(TcpListener listener)
    {
        using var socket = await listener.AcceptTcpClientAsync();
        var stream = socket.GetStream();
        var buffer = new byte[16384];
        var received = new StringBuilder();
        while (!received.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
        {
            var read = await stream.ReadAsync(buffer);
            if (read == 0) break;
            received.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }
        await stream.WriteAsync("HTTP/1.1 204 No Content\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"u8.ToArray());
        return received.ToString();
    }
}
