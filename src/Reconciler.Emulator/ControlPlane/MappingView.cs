using System.Text.Json.Nodes;
using Reconciler.Emulator.ControlPlane.Behaviour;
using Reconciler.Emulator.Wire;

namespace Reconciler.Emulator.ControlPlane;

/// <summary>
/// A stored mapping as the API answers with it: the settings plus what the service echoes for members that have no
/// value (e.g. FunctionResponseTypes [] for SQS and streams, DestinationConfig {"OnFailure":{}} for streams, from
/// the behaviour table), FunctionName = FunctionArn, no Enabled, no Tags (read them with ListTags). List hides
/// encrypted filter criteria.
/// </summary>
internal static class MappingView
{
    public static Core.Model.LiveMapping Of(StoredMapping mapping, SourceBehaviours behaviours, bool forList)
    {
        var settings = (JsonObject)mapping.Settings.DeepClone();
        foreach (var echo in behaviours.For(mapping.Kind).Echoes)
        {
            if (JsonTree.At(settings, echo.Path) is null) JsonTree.Set(settings, echo.Path, echo.Value.DeepClone());
        }
        // "If filter criteria is encrypted, this field shows up as null in the response of ListEventSourceMapping".
        if (forList && settings["KMSKeyArn"] is not null) settings.Remove("FilterCriteria");
        var configuration = WireConfiguration.Read(settings) with { FunctionName = mapping.FunctionArn };
        return new Core.Model.LiveMapping
        {
            Uuid = mapping.Uuid,
            EventSourceMappingArn = mapping.EventSourceMappingArn,
            FunctionArn = mapping.FunctionArn,
            State = mapping.State,
            StateTransitionReason = mapping.StateTransitionReason,
            LastModified = mapping.LastModified,
            LastProcessingResult = mapping.LastProcessingResult,
            Configuration = configuration,
        };
    }
}
