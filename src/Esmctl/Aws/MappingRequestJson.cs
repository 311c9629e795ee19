using System.Text.Json.Nodes;
using Reconciler.Core.Fields;
using Reconciler.Core.Model;

namespace Esmctl.Aws;

/// <summary>
/// Writes CreateEventSourceMappingRequest and UpdateEventSourceMappingRequest bodies: the field table's members
/// under the Lambda model's names, instants as epoch seconds (<see cref="MappingRequests"/>). The emulator reads them
/// with its own, independent reader, so a name this side got wrong fails the conformance tests.
/// </summary>
internal static class MappingRequestJson
{
    public static JsonObject ForCreate(MappingConfiguration c) => MappingRequests.Create(c);

    /// <summary>Only the members UpdateEventSourceMappingRequest has: create-only members are never sent.</summary>
    public static JsonObject ForUpdate(MappingConfiguration c) => MappingRequests.Update(c);
}
