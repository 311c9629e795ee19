using System.Text.Json;
using Reconciler.Core.Model;
using Reconciler.Emulator.Wire;

namespace Reconciler.Emulator.Http;

/// <summary>
/// Reads the body of CreateEventSourceMapping and UpdateEventSourceMapping (<see cref="WireConfiguration"/> names the
/// members). Both read every Create member, so an Update that sends a create-only one gets the control plane's precise
/// error rather than silently losing it. An empty object ({}) stays an empty structure: that is how Update clears
/// ScalingConfig, FilterCriteria and DestinationConfig.
/// </summary>
internal static class MappingRequestReader
{
    public sealed record Result(MappingConfiguration Configuration, IReadOnlyList<string> UnknownMembers);

    public static Result Read(ReadOnlyMemory<byte> body)
    {
        if (body.IsEmpty) return new Result(new MappingConfiguration(), []);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException error)
        {
            throw new WireFormatException($"The request body is not valid JSON: {error.Message}");
        }
        using (document)
        {
            var unknown = new List<string>();
            return new Result(WireConfiguration.Read(document.RootElement, unknown), unknown);
        }
    }
}
