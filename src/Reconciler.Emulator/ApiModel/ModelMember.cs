namespace Reconciler.Emulator.ApiModel;

/// <summary>One member of a structure in the API model: its wire name, its shape, where it travels (body, uri or
/// querystring) and its documentation (HTML, as the model has it).</summary>
internal sealed record ModelMember(string Name, string ShapeName, string? Location, string Documentation);
