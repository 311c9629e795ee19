using System.Text.Json.Nodes;
using Reconciler.Core.Fields;
using Reconciler.Core.Model;

namespace Reconciler.Core.SavedPlans;

/// <summary>
/// A request as a saved plan stores it: the configuration as JSON with the manifest's member names, written and read
/// from the field table, so every member survives (an absent member stays absent, an empty structure stays {}, which
/// is how Update clears it). Reading is strict: a member that is not a field of a mapping, or a value of the wrong
/// type, means the file is not a plan this esmctl wrote, and it is refused rather than applied without it.
/// </summary>
public static class SavedRequest
{
    public static JsonObject? Of(MappingConfiguration? request) =>
        request is null ? null : MappingJson.Write(request, FieldNames.Manifest);

    /// <exception cref="FieldValueException">The JSON has a member or value no mapping has.</exception>
    public static MappingConfiguration? Read(JsonObject? saved) =>
        saved is null ? null : MappingJson.Read(saved, FieldNames.Manifest, strict: true);
}
