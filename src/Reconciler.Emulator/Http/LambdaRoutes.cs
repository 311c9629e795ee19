using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Reconciler.Core.Api;
using Reconciler.Emulator.ApiModel;
using Reconciler.Emulator.ControlPlane;
using Reconciler.Emulator.Wire;

namespace Reconciler.Emulator.Http;

/// <summary>The Lambda REST-JSON routes of the five event source mapping operations and the three tag operations,
/// with the paths, query names and success statuses of the API model, mapped onto the control plane.</summary>
internal sealed class LambdaRoutes(ILambdaMappingApi api, Action<string>? log)
{
    private const string Mappings = "/2015-03-31/event-source-mappings";
    private const string Tags = "/2017-03-31/tags/{**resource}";

    public void Map(IEndpointRouteBuilder routes)
    {
        routes.MapPost(Mappings, CreateAsync).WithMetadata(new OperationInfo(ApiOperations.Create, Mutating: true));
        routes.MapGet(Mappings, ListAsync).WithMetadata(new OperationInfo(ApiOperations.List, Mutating: false));
        routes.MapGet(Mappings + "/{uuid}", GetAsync).WithMetadata(new OperationInfo(ApiOperations.Get, Mutating: false));
        routes.MapPut(Mappings + "/{uuid}", UpdateAsync).WithMetadata(new OperationInfo(ApiOperations.Update, Mutating: true));
        routes.MapDelete(Mappings + "/{uuid}", DeleteAsync).WithMetadata(new OperationInfo(ApiOperations.Delete, Mutating: true));
        routes.MapGet(Tags, ListTagsAsync).WithMetadata(new OperationInfo(ApiOperations.ListTags, Mutating: false));
        routes.MapPost(Tags, TagAsync).WithMetadata(new OperationInfo(ApiOperations.Tag, Mutating: true));
        routes.MapDelete(Tags, UntagAsync).WithMetadata(new OperationInfo(ApiOperations.Untag, Mutating: true));
    }

    private async Task CreateAsync(HttpContext context)
    {
        var request = await ReadMappingAsync(context);
        var created = await api.CreateAsync(request, context.RequestAborted);
        await WireResponses.JsonAsync(context, StatusCodes.Status202Accepted, w => MappingResponseWriter.Write(w, created));
    }

    private async Task ListAsync(HttpContext context)
    {
        var query = context.Request.Query;
        var list = new ListMappingsQuery(
            Marker: Single(query, "Marker"),
            MaxItems: MaxItems(Single(query, "MaxItems")),
            FunctionName: Single(query, "FunctionName"),
            EventSourceArn: Single(query, "EventSourceArn"));
        var page = await api.ListAsync(list, context.RequestAborted);
        await WireResponses.JsonAsync(context, StatusCodes.Status200OK, w =>
        {
            w.WriteStartObject();
            if (page.NextMarker is not null) w.WriteString("NextMarker", page.NextMarker);
            w.WriteStartArray("EventSourceMappings");
            foreach (var mapping in page.Mappings) MappingResponseWriter.Write(w, mapping);
            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    private async Task GetAsync(HttpContext context, string uuid)
    {
        var mapping = await api.GetAsync(uuid, context.RequestAborted);
        await WireResponses.JsonAsync(context, StatusCodes.Status200OK, w => MappingResponseWriter.Write(w, mapping));
    }

    private async Task UpdateAsync(HttpContext context, string uuid)
    {
        var changes = await ReadMappingAsync(context);
        var updated = await api.UpdateAsync(uuid, changes, context.RequestAborted);
        await WireResponses.JsonAsync(context, StatusCodes.Status202Accepted, w => MappingResponseWriter.Write(w, updated));
    }

    private async Task DeleteAsync(HttpContext context, string uuid)
    {
        var deleted = await api.DeleteAsync(uuid, context.RequestAborted);
        await WireResponses.JsonAsync(context, StatusCodes.Status202Accepted, w => MappingResponseWriter.Write(w, deleted));
    }

    private async Task ListTagsAsync(HttpContext context, string resource)
    {
        var tags = await api.ListTagsAsync(Arn(resource), context.RequestAborted);
        await WireResponses.JsonAsync(context, StatusCodes.Status200OK, w =>
        {
            w.WriteStartObject();
            w.WriteStartObject("Tags");
            foreach (var (key, value) in tags.OrderBy(t => t.Key, StringComparer.Ordinal)) w.WriteString(key, value);
            w.WriteEndObject();
            w.WriteEndObject();
        });
    }

    private async Task TagAsync(HttpContext context, string resource)
    {
        var body = await WireResponses.ReadBodyAsync(context);
        IReadOnlyDictionary<string, string> tags;
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                throw new WireFormatException("The request body must be a JSON object.");
            tags = WireRead.Map(document.RootElement.TryGetProperty("Tags", out var t) ? t : default, "Tags", WireRead.RequiredString)
                ?? throw ApiErrors.Validation([ConstraintViolation.Null("tags")]);
            var unknown = document.RootElement.EnumerateObject().Select(m => m.Name).Where(n => n != "Tags").ToList();
            if (unknown.Count > 0) log?.Invoke($"TagResource: ignored unknown request members {string.Join(", ", unknown)}");
        }
        catch (JsonException error)
        {
            throw new WireFormatException($"The request body is not valid JSON: {error.Message}");
        }
        await api.TagAsync(Arn(resource), tags, context.RequestAborted);
        context.Response.StatusCode = StatusCodes.Status204NoContent;
    }

    private async Task UntagAsync(HttpContext context, string resource)
    {
        var keys = context.Request.Query["tagKeys"].Where(k => k is not null).Select(k => k!).ToList();
        await api.UntagAsync(Arn(resource), keys, context.RequestAborted);
        context.Response.StatusCode = StatusCodes.Status204NoContent;
    }

    private async Task<Reconciler.Core.Model.MappingConfiguration> ReadMappingAsync(HttpContext context)
    {
        var body = await WireResponses.ReadBodyAsync(context);
        var result = MappingRequestReader.Read(body);
        if (result.UnknownMembers.Count > 0)
            log?.Invoke($"{context.Request.Method} {context.Request.Path}: ignored unknown request members {string.Join(", ", result.UnknownMembers)}");
        return result.Configuration;
    }

    /// <summary>Routing has already decoded the path segment, except an encoded '/', which it leaves as %2F.</summary>
    private static string Arn(string resource) => Uri.UnescapeDataString(resource);

    private static string? Single(IQueryCollection query, string name) =>
        query.TryGetValue(name, out var values) && values.Count > 0 ? values[^1] : null;

    private static int? MaxItems(string? text)
    {
        if (text is null) return null;
        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
            throw new WireFormatException($"MaxItems must be an integer between 1 and 10000, but was '{text}'.");
        // The range is the model's (MaxListItems), checked by the control plane.
        return value;
    }
}
