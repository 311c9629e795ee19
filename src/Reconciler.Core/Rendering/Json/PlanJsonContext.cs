using System.Text.Json.Serialization;

namespace Reconciler.Core.Rendering.Json;

/// <summary>Source-generated serialisation metadata for the plan document: no reflection, stable property order.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(PlanDocument))]
internal sealed partial class PlanJsonContext : JsonSerializerContext;
