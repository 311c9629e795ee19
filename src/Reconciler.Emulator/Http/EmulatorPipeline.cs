using Microsoft.AspNetCore.Http;
using Reconciler.Core.Api;
using Reconciler.Emulator.Wire;

namespace Reconciler.Emulator.Http;

/// <summary>
/// What happens around every AWS route, in AWS's order: authentication (a SigV4 Authorization header must be
/// present; its signature is not checked), then the injected latency and faults, then the handler, whose
/// <see cref="LambdaApiException"/>s and unreadable input become rest-json errors. Every AWS request, answered or
/// dropped, lands in the request log.
/// </summary>
internal sealed class EmulatorPipeline(FaultInjector faults, HttpRequestLog log, TimeProvider time, Action<string>? warn)
{
    private const string SigV4Prefix = "AWS4-HMAC-SHA256 Credential=";

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        if (context.Request.Path.StartsWithSegments(AdminRoutes.Prefix))
        {
            await next(context);
            return;
        }
        context.Response.Headers["x-amzn-RequestId"] = Guid.NewGuid().ToString("D");
        var info = context.GetEndpoint()?.Metadata.GetMetadata<OperationInfo>();
        var operation = info ?? new OperationInfo(OperationInfo.Unknown, Mutating: false);
        var dropped = false;
        var injected = false;
        var recorded = 0;
        // Recorded as the response starts, before its first byte can reach the client: a client that has its answer
        // (a test reading the log right after a call) finds the request in the log. A response that never starts (a
        // dropped one, an aborted connection) is recorded when the pipeline ends.
        context.Response.OnStarting(() =>
        {
            Record();
            return Task.CompletedTask;
        });
        try
        {
            if (!context.Request.Headers.Authorization.ToString().StartsWith(SigV4Prefix, StringComparison.Ordinal))
            {
                await WriteErrorAsync(context, operation, 403, WireErrors.MissingAuthenticationToken,
                    "Missing Authentication Token: the request must carry an AWS Signature Version 4 Authorization header.");
                return;
            }
            if (info is null)
            {
                await WireErrors.WriteAsync(context, 404, WireErrors.UnknownOperation,
                    $"No operation matches {context.Request.Method} {context.Request.Path}.");
                return;
            }

            var decision = faults.Decide(info.Name, info.Mutating, info.IsLambda);
            if (decision.Delay > TimeSpan.Zero) await Task.Delay(decision.Delay, time, context.RequestAborted);
            switch (decision.Kind)
            {
                case FaultKind.Throttle:
                    injected = true;
                    await WriteErrorAsync(context, info, 429, LambdaErrorCodes.TooManyRequests, "Rate exceeded");
                    return;
                case FaultKind.Error:
                    injected = true;
                    await WriteErrorAsync(context, info, 500, LambdaErrorCodes.Service, "An internal error occurred (injected by the emulator).");
                    return;
                case FaultKind.DropResponse:
                    injected = dropped = true;
                    // The operation commits; its answer goes nowhere, and the client sees the connection reset.
                    var answer = context.Response.Body;
                    context.Response.Body = Stream.Null;
                    await HandleAsync(context, next);
                    context.Response.Body = answer;
                    Record(); // before the reset the client sees
                    context.Abort();
                    return;
                default:
                    await HandleAsync(context, next);
                    return;
            }
        }
        finally
        {
            Record();
        }

        void Record()
        {
            if (Interlocked.Exchange(ref recorded, 1) == 1) return;
            log.Add(new HttpRequestRecord(
                time.GetUtcNow(), operation.Name, context.Request.Method, context.Request.Path.Value ?? "",
                context.Response.StatusCode, context.Items[WireErrors.ErrorCodeItem] as string, operation.Mutating, dropped, injected));
        }
    }

    private async Task HandleAsync(HttpContext context, RequestDelegate next)
    {
        try
        {
            await next(context);
        }
        catch (LambdaApiException error)
        {
            await WireErrors.WriteAsync(context, error);
        }
        catch (WireFormatException error)
        {
            await WireErrors.WriteAsync(context, 400, LambdaErrorCodes.InvalidParameterValue, error.Message);
        }
        catch (Exception error) when (error is not OperationCanceledException && !context.Response.HasStarted)
        {
            warn?.Invoke($"{context.Request.Method} {context.Request.Path} failed: {error}");
            await WireErrors.WriteAsync(context, 500, LambdaErrorCodes.Service, "The emulator failed to handle the request.");
        }
    }

    private static Task WriteErrorAsync(HttpContext context, OperationInfo operation, int status, string code, string message) =>
        operation.Name == OperationInfo.GetCallerIdentity && !StsRoutes.IsJsonProtocol(context.Request)
            ? StsRoutes.WriteXmlErrorAsync(context, status, code, message)
            : WireErrors.WriteAsync(context, status, code, message);
}
