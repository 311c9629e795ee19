using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Signing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Reconciler.Core.Api;
using Reconciler.Core.Model;

namespace Esmctl.Aws;

/// <summary>
/// The `aws` target: Lambda's event source mapping and tag operations over REST-JSON, as service-2.json defines
/// them, signed with SigV4 by AWSSDK.Core. The transport is the injected HttpClient, so tests need no network.
/// </summary>
public sealed class LambdaRestClient : ILambdaMappingApi
{
    private const string EsmPath = "/2015-03-31/event-source-mappings";
    private const string TagsPath = "/2017-03-31/tags/";
    private const string SigningService = "lambda";

    private readonly HttpClient _http;
    private readonly Uri _endpoint;
    private readonly RegionEndpoint _signingRegion;
    private readonly AWSCredentials _credentials;
    private readonly TimeProvider _time;
    private readonly RetryLoop _retry;

    public LambdaRestClient(
        HttpClient http,
        Uri endpoint,
        string signingRegion,
        AWSCredentials credentials,
        TimeProvider time,
        Func<double> jitter,
        RetryOptions? retry = null,
        ILogger? logger = null,
        CallTally? retries = null)
    {
        _http = http;
        _endpoint = endpoint;
        _signingRegion = RegionEndpoint.GetBySystemName(signingRegion);
        _credentials = credentials;
        _time = time;
        _retry = new RetryLoop(retry ?? RetryOptions.Default, time, jitter, logger ?? NullLogger.Instance, retries);
    }

    public Task<MappingPage> ListAsync(ListMappingsQuery query, CancellationToken cancellationToken)
    {
        var parameters = new List<(string, string)>();
        if (query.EventSourceArn is not null) parameters.Add(("EventSourceArn", query.EventSourceArn));
        if (query.FunctionName is not null) parameters.Add(("FunctionName", query.FunctionName));
        if (query.Marker is not null) parameters.Add(("Marker", query.Marker));
        if (query.MaxItems is { } max) parameters.Add(("MaxItems", max.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return SendAsync("ListEventSourceMappings", HttpMethod.Get, EsmPath, parameters, null, idempotent: true,
            json =>
            {
                var (items, next) = MappingResponseJson.Page(json);
                return new MappingPage(items, next);
            },
            cancellationToken);
    }

    public Task<LiveMapping> GetAsync(string uuid, CancellationToken cancellationToken) =>
        SendAsync("GetEventSourceMapping", HttpMethod.Get, MappingPath(uuid), [], null, idempotent: true,
            MappingResponseJson.Mapping, cancellationToken);

    public Task<LiveMapping> CreateAsync(MappingConfiguration request, CancellationToken cancellationToken) =>
        SendAsync("CreateEventSourceMapping", HttpMethod.Post, EsmPath, [], MappingRequestJson.ForCreate(request),
            idempotent: false, MappingResponseJson.Mapping, cancellationToken);

    public Task<LiveMapping> UpdateAsync(string uuid, MappingConfiguration changes, CancellationToken cancellationToken) =>
        SendAsync("UpdateEventSourceMapping", HttpMethod.Put, MappingPath(uuid), [], MappingRequestJson.ForUpdate(changes),
            idempotent: true, MappingResponseJson.Mapping, cancellationToken);

    public Task<LiveMapping> DeleteAsync(string uuid, CancellationToken cancellationToken) =>
        SendAsync("DeleteEventSourceMapping", HttpMethod.Delete, MappingPath(uuid), [], null, idempotent: true,
            MappingResponseJson.Mapping, cancellationToken);

    public Task<IReadOnlyDictionary<string, string>> ListTagsAsync(string resourceArn, CancellationToken cancellationToken) =>
        SendAsync("ListTags", HttpMethod.Get, TagPath(resourceArn), [], null, idempotent: true,
            MappingResponseJson.Tags, cancellationToken);

    public Task TagAsync(string resourceArn, IReadOnlyDictionary<string, string> tags, CancellationToken cancellationToken)
    {
        var body = new JsonObject
        {
            ["Tags"] = new JsonObject(tags.Select(t => KeyValuePair.Create(t.Key, (JsonNode?)JsonValue.Create(t.Value)))),
        };
        return SendAsync("TagResource", HttpMethod.Post, TagPath(resourceArn), [], body, idempotent: true,
            _ => true, cancellationToken);
    }

    public Task UntagAsync(string resourceArn, IReadOnlyCollection<string> tagKeys, CancellationToken cancellationToken) =>
        SendAsync("UntagResource", HttpMethod.Delete, TagPath(resourceArn), tagKeys.Select(k => ("tagKeys", k)).ToList(),
            null, idempotent: true, _ => true, cancellationToken);

    // rest-json puts URI labels in the path percent-encoded, so an ARN's ':' travels as %3A.
    private static string MappingPath(string uuid) => $"{EsmPath}/{Uri.EscapeDataString(uuid)}";

    private static string TagPath(string arn) => TagsPath + Uri.EscapeDataString(arn);

    private async Task<T> SendAsync<T>(
        string operation,
        HttpMethod method,
        string path,
        IReadOnlyList<(string Name, string Value)> query,
        JsonObject? body,
        bool idempotent,
        Func<JsonElement, T> read,
        CancellationToken cancellationToken)
    {
        var uri = BuildUri(path, query);
        var content = body is null ? null : Encoding.UTF8.GetBytes(body.ToJsonString());
        try
        {
            return await _retry.RunAsync(operation, idempotent,
                ct => SendOnceAsync(operation, method, uri, content, read, ct), cancellationToken).ConfigureAwait(false);
        }
        catch (LambdaApiException e)
        {
            // The operation names the IAM action an AccessDeniedException is about (lambda:<Operation>).
            e.Data[OperationDataKey] = operation;
            throw;
        }
        catch (HttpRequestException e)
        {
            // After the retries: a person needs the URL that could not be reached, which the socket error lacks.
            throw new HttpRequestException(e.HttpRequestError,
                $"{operation} could not reach {_endpoint.GetLeftPart(UriPartial.Authority)}: {e.Message}", e, e.StatusCode);
        }
    }

    /// <summary>The key under which a <see cref="LambdaApiException"/>'s Data holds the operation that failed.</summary>
    public const string OperationDataKey = "esmctl.operation";

    private Uri BuildUri(string path, IReadOnlyList<(string Name, string Value)> query)
    {
        var builder = new StringBuilder(_endpoint.GetLeftPart(UriPartial.Path).TrimEnd('/')).Append(path);
        for (var i = 0; i < query.Count; i++)
        {
            builder.Append(i == 0 ? '?' : '&')
                .Append(Uri.EscapeDataString(query[i].Name)).Append('=').Append(Uri.EscapeDataString(query[i].Value));
        }
        return new Uri(builder.ToString());
    }

    private async Task<T> SendOnceAsync<T>(
        string operation, HttpMethod method, Uri uri, byte[]? content, Func<JsonElement, T> read,
        CancellationToken cancellationToken)
    {
        // Signed again on every try: the signature covers X-Amz-Date, and AWS rejects one older than 15 minutes.
        using var request = await SignedRequestAsync(method, uri, content, cancellationToken).ConfigureAwait(false);
        using var response = await SendRawAsync(operation, request, cancellationToken).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var status = (int)response.StatusCode;
        if (status is < 200 or > 299) throw LambdaErrorResponse.Parse(status, response.Headers, text);

        // Whatever the Content-Type says (emulators send text/plain or nothing), a 2xx body is JSON or empty.
        try
        {
            using var document = JsonDocument.Parse(string.IsNullOrWhiteSpace(text) ? "{}" : text);
            return read(document.RootElement);
        }
        catch (JsonException e)
        {
            throw new LambdaApiException("InvalidResponseException",
                $"{operation} answered {status} with a body that is not the expected JSON: {e.Message}", status);
        }
    }

    private async Task<HttpRequestMessage> SignedRequestAsync(
        HttpMethod method, Uri uri, byte[]? content, CancellationToken cancellationToken)
    {
        var signing = new AWSSigningRequest { HttpMethod = method, RequestUri = uri, Content = content ?? [] };
        var parameters = new AWSSigV4Parameters
        {
            Credentials = _credentials,
            Region = _signingRegion,
            Service = SigningService,
            SignedAt = _time.GetUtcNow().UtcDateTime,
        };
        var signed = await AWSSigV4Signer.SignAsync(signing, parameters, cancellationToken).ConfigureAwait(false);

        var request = new HttpRequestMessage(method, uri);
        if (content is not null)
        {
            request.Content = new ByteArrayContent(content);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }
        foreach (var (name, value) in signed.Headers) request.Headers.TryAddWithoutValidation(name, value);
        return request;
    }

    private async Task<HttpResponseMessage> SendRawAsync(
        string operation, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            return await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            // HttpClient reports its own timeout as a cancellation; only the caller's token means "stop".
            throw new TimeoutException($"{operation} to {request.RequestUri?.Host} timed out", e);
        }
    }
}
