using System.Security;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Reconciler.Emulator.Http;

/// <summary>
/// STS GetCallerIdentity on POST /, in both protocols SDKs use: the query protocol (form body
/// Action=GetCallerIdentity&amp;Version=2011-06-15, XML answer) and JSON 1.0 (header
/// X-Amz-Target: AWSSecurityTokenServiceV20110615.GetCallerIdentity or content type application/x-amz-json-1.0, JSON
/// answer). The caller is an IAM user "emulator" in the configured account.
/// </summary>
internal sealed class StsRoutes(string accountId)
{
    private const string Target = "AWSSecurityTokenServiceV20110615.GetCallerIdentity";
    private const string XmlNamespace = "https://sts.amazonaws.com/doc/2011-06-15/";
    public const string UserId = "AIDAEMULATOREXAMPLE01";

    public string CallerArn => $"arn:aws:iam::{accountId}:user/emulator";

    public void Map(IEndpointRouteBuilder routes) =>
        routes.MapPost("/", AnswerAsync).WithMetadata(new OperationInfo(OperationInfo.GetCallerIdentity, Mutating: false, IsLambda: false));

    public static bool IsJsonProtocol(HttpRequest request) =>
        request.Headers.ContainsKey("X-Amz-Target")
        || (request.ContentType?.StartsWith("application/x-amz-json", StringComparison.OrdinalIgnoreCase) ?? false);

    private async Task AnswerAsync(HttpContext context)
    {
        var request = context.Request;
        if (IsJsonProtocol(request))
        {
            var target = request.Headers["X-Amz-Target"].ToString();
            if (target.Length > 0 && target != Target)
            {
                await WireErrors.WriteAsync(context, 400, WireErrors.UnknownOperation, $"Operation {target} is not supported by this emulator.");
                return;
            }
            await WireResponses.JsonAsync(context, 200, w =>
            {
                w.WriteStartObject();
                w.WriteString("UserId", UserId);
                w.WriteString("Account", accountId);
                w.WriteString("Arn", CallerArn);
                w.WriteEndObject();
            }, "application/x-amz-json-1.0");
            return;
        }

        var form = request.HasFormContentType ? await request.ReadFormAsync(context.RequestAborted) : null;
        var action = form?["Action"].ToString() ?? "";
        if (action != "GetCallerIdentity")
        {
            await WriteXmlErrorAsync(context, 400, "InvalidAction", $"Could not find operation '{action}' for version 2011-06-15.");
            return;
        }
        await WriteXmlAsync(context, 200,
            $"<GetCallerIdentityResponse xmlns=\"{XmlNamespace}\"><GetCallerIdentityResult>" +
            $"<Arn>{CallerArn}</Arn><UserId>{UserId}</UserId><Account>{accountId}</Account>" +
            $"</GetCallerIdentityResult><ResponseMetadata><RequestId>{RequestId(context)}</RequestId></ResponseMetadata>" +
            "</GetCallerIdentityResponse>");
    }

    /// <summary>The query protocol's error document, with the code also in x-amzn-errortype for clients that read it.</summary>
    public static Task WriteXmlErrorAsync(HttpContext context, int status, string code, string message)
    {
        context.Response.Headers[WireErrors.ErrorTypeHeader] = code;
        context.Items[WireErrors.ErrorCodeItem] = code;
        return WriteXmlAsync(context, status,
            $"<ErrorResponse xmlns=\"{XmlNamespace}\"><Error><Type>{(status >= 500 ? "Receiver" : "Sender")}</Type>" +
            $"<Code>{SecurityElement.Escape(code)}</Code><Message>{SecurityElement.Escape(message)}</Message></Error>" +
            $"<RequestId>{RequestId(context)}</RequestId></ErrorResponse>");
    }

    private static async Task WriteXmlAsync(HttpContext context, int status, string xml)
    {
        context.Response.StatusCode = status;
        var bytes = Encoding.UTF8.GetBytes(xml);
        context.Response.ContentType = "text/xml";
        context.Response.ContentLength = bytes.Length;
        await context.Response.Body.WriteAsync(bytes, context.RequestAborted);
    }

    private static string RequestId(HttpContext context) => context.Response.Headers["x-amzn-RequestId"].ToString();
}
