using System.Text.Json.Nodes;

namespace Reconciler.Core.Planning;

/// <summary>
/// One field that differs, after normalisation of both sides. <see cref="Field"/> is the spec path as written in
/// manifests (scalingConfig.maximumConcurrency, tags.team). Before/After are canonical JSON values; null means absent.
/// </summary>
public sealed record FieldChange(string Field, JsonNode? Before, JsonNode? After, bool ForcesReplacement);
