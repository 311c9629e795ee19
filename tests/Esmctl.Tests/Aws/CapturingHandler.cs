using System.Net;
using System.Text;

namespace Esmctl.Tests.Aws;

/// <summary>A transport that records every request (with its body read out) and answers from a script.</summary>
internal sealed class CapturingHandler(Func<CapturedRequest, int, HttpResponseMessage> respond) : HttpMessageHandler
{
    private readonly List<CapturedRequest> _requests = [];

    public IReadOnlyList<CapturedRequest> Requests
    {
        get { lock (_requests) return _requests.ToList(); }
    }

    /// <summary>Answers every request with the same status and JSON body.</summary>
    public static CapturingHandler Always(int status, string body = "{}") => new((_, _) => Json(status, body));

    /// <summary>Answers the n-th request (0-based) with the n-th response; the last one repeats.</summary>
    public static CapturingHandler Sequence(params Func<HttpResponseMessage>[] responses) =>
        new((_, n) => responses[Math.Min(n, responses.Length - 1)]());

    public static HttpResponseMessage Json(int status, string body, string contentType = "application/json") =>
        new((HttpStatusCode)status) { Content = new StringContent(body, Encoding.UTF8, contentType) };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        var headers = request.Headers.Concat(request.Content?.Headers.AsEnumerable() ?? [])
            .ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
        var captured = new CapturedRequest(request.Method.Method, request.RequestUri!, headers, body);
        int index;
        lock (_requests)
        {
            index = _requests.Count;
            _requests.Add(captured);
        }
        var response = respond(captured, index);
        response.RequestMessage = request;
        return response;
    }
}
