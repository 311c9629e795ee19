using System.Net;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;

namespace Reconciler.Emulator.Tests.Http;

public sealed class StsTests
{
    [Fact]
    public async Task Query_protocol_answers_xml_with_the_configured_account()
    {
        await using var emulator = await RunningEmulator.StartAsync();
        var response = await emulator.Client.PostAsync("/", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Action"] = "GetCallerIdentity",
            ["Version"] = "2011-06-15",
        }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var xml = XDocument.Parse(await response.Content.ReadAsStringAsync());
        XNamespace ns = "https://sts.amazonaws.com/doc/2011-06-15/";
        var result = xml.Root!.Element(ns + "GetCallerIdentityResult")!;
        Assert.Equal("GetCallerIdentityResponse", xml.Root.Name.LocalName);
        Assert.Equal("123456789012", result.Element(ns + "Account")!.Value);
        Assert.Equal("arn:aws:iam::123456789012:user/emulator", result.Element(ns + "Arn")!.Value);
        Assert.False(string.IsNullOrEmpty(result.Element(ns + "UserId")!.Value));
    }

    [Theory]
    [InlineData(true, "application/x-amz-json-1.0")]
    [InlineData(false, "application/x-amz-json-1.0")]
    [InlineData(true, "application/json")]
    public async Task Json_protocol_answers_json(bool targetHeader, string contentType)
    {
        await using var emulator = await RunningEmulator.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/") { Content = new StringContent("{}", Encoding.UTF8) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        if (targetHeader) request.Headers.Add("X-Amz-Target", "AWSSecurityTokenServiceV20110615.GetCallerIdentity");

        var response = await emulator.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("123456789012", body.GetProperty("Account").GetString());
        Assert.Equal("arn:aws:iam::123456789012:user/emulator", body.GetProperty("Arn").GetString());
    }

    [Fact]
    public async Task Unknown_action_and_missing_auth_are_query_errors()
    {
        await using var emulator = await RunningEmulator.StartAsync();
        var form = new Dictionary<string, string> { ["Action"] = "AssumeRole", ["Version"] = "2011-06-15" };
        var unknown = await emulator.Client.PostAsync("/", new FormUrlEncodedContent(form));
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal("InvalidAction", XDocument.Parse(await unknown.Content.ReadAsStringAsync()).Descendants().Single(e => e.Name.LocalName == "Code").Value);

        using var anonymous = new HttpClient { BaseAddress = emulator.Server.BaseAddress };
        form["Action"] = "GetCallerIdentity";
        var denied = await anonymous.PostAsync("/", new FormUrlEncodedContent(form));
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        Assert.Contains("MissingAuthenticationToken", await denied.Content.ReadAsStringAsync());
    }
}
