using System.Text.Json.Nodes;

namespace Reconciler.Core.Fields;

/// <summary>The default of one leaf for one source kind. <see cref="WhenGiven"/> names the structure that must be given
/// for it to apply (provisioned mode's poller counts), or is null when it always applies.</summary>
public sealed record DefaultValue(string Path, JsonNode Value, string? WhenGiven);
